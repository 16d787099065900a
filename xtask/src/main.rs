//! `xtask codegen <spec.json> <http-routes-dir> <out-dir>`: writes the generated sources from the
//! OpenAPI spec and @seamapi/http's route definitions.
//! `xtask shorten-imports <module.wasm> <glue.js>`: renames the wasm's imports in both files.
//! `xtask declarations <in.d.ts> <out.d.ts>`: writes wasm-bindgen's declarations as the package ships them.

use std::path::PathBuf;
use std::process::ExitCode;

fn shorten_imports(wasm_path: &str, js_path: &str) -> ExitCode {
    let read = std::fs::read(wasm_path).and_then(|wasm| Ok((wasm, std::fs::read_to_string(js_path)?)));
    let result = read.map_err(|e| e.to_string()).and_then(|(wasm, js)| xtask::imports::shorten(&wasm, &js));
    let written = result.and_then(|(wasm, js)| std::fs::write(wasm_path, wasm).and_then(|()| std::fs::write(js_path, js)).map_err(|e| e.to_string()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot shorten the imports of {wasm_path}: {error}");
            ExitCode::FAILURE
        }
    }
}

fn declarations(in_path: &str, out_path: &str) -> ExitCode {
    let result = std::fs::read_to_string(in_path).map_err(|e| e.to_string()).and_then(|dts| xtask::declarations::for_package(&dts));
    match result.and_then(|dts| std::fs::write(out_path, dts).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write the declarations of {in_path}: {error}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let (Some("shorten-imports"), Some(wasm), Some(js)) = (args.first().map(String::as_str), args.get(1), args.get(2)) {
        return shorten_imports(wasm, js);
    }
    if let (Some("declarations"), Some(from), Some(to)) = (args.first().map(String::as_str), args.get(1), args.get(2)) {
        return declarations(from, to);
    }
    let (Some("codegen"), Some(spec_path), Some(http_dir), Some(out_dir)) = (args.first().map(String::as_str), args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: xtask codegen <openapi.json> <@seamapi/http's src/lib/routes> <out-dir> | xtask shorten-imports <module.wasm> <glue.js> | xtask declarations <in.d.ts> <out.d.ts>");
        return ExitCode::from(2);
    };
    let spec = match std::fs::read_to_string(spec_path).map_err(|e| e.to_string()).and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string())) {
        Ok(spec) => spec,
        Err(error) => {
            eprintln!("cannot read {spec_path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let generated = xtask::read_http_routes(std::path::Path::new(http_dir))
        .and_then(|http| xtask::generate(&spec, &http, xtask::EXPECTED_DIFFERENCES));
    let output = match generated {
        Ok(output) => output,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let out = PathBuf::from(out_dir);
    let files = [
        ("routes.rs", output.routes_rs),
        ("client_namespaces.rs", output.client_namespaces_rs),
        ("namespaces.js", output.namespaces_js),
        ("types.d.ts", output.types_ts),
    ];
    for (name, text) in files {
        if let Err(error) = std::fs::create_dir_all(&out).and_then(|()| std::fs::write(out.join(name), text)) {
            eprintln!("cannot write {}: {error}", out.join(name).display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
