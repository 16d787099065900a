//! `xtask codegen <spec.json> <out-dir>`: writes the generated sources from the OpenAPI spec.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some("codegen"), Some(spec_path), Some(out_dir)) = (args.first().map(String::as_str), args.get(1), args.get(2)) else {
        eprintln!("usage: xtask codegen <openapi.json> <out-dir>");
        return ExitCode::from(2);
    };
    let spec = match std::fs::read_to_string(spec_path).map_err(|e| e.to_string()).and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string())) {
        Ok(spec) => spec,
        Err(error) => {
            eprintln!("cannot read {spec_path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let output = xtask::generate(&spec);
    let out = PathBuf::from(out_dir);
    let files = [
        ("mod.rs", format!("// {}\n\npub mod routes;\n", xtask::HEADER_NOTE)),
        ("routes.rs", output.routes_rs),
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
