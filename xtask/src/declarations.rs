//! Makes wasm-bindgen's `seam_wasm.d.ts` compile in a user project with `skipLibCheck: false`,
//! with an ES2020 lib or later and either the DOM lib or Node's types:
//! - each class's `[Symbol.dispose](): void;` is dropped: `Symbol.dispose` is in TypeScript's
//!   ESNext lib only. The hand-written declarations (`src/lib.rs`) add it back where the user's
//!   lib declares it.
//! - the instantiation API (`InitInput` to the default `__wbg_init`) is dropped: the entries
//!   instantiate the module themselves and export none of it, and its types (`RequestInfo`,
//!   `BufferSource`, `WebAssembly`) exist only with the DOM lib.

const DISPOSE: &str = "[Symbol.dispose](): void;";
const INIT_START: &str = "export type InitInput =";
/// What wasm-bindgen (`--target web`) declares from `InitInput` to the end of the file.
const INIT_NAMES: [&str; 5] = ["InitInput", "InitOutput", "SyncInitInput", "initSync", "__wbg_init"];

/// The name an `export` line declares: `export default function __wbg_init (` → `__wbg_init`.
fn exported_name(line: &str) -> Option<&str> {
    let mut rest = line.strip_prefix("export ")?;
    rest = rest.strip_prefix("default ").unwrap_or(rest);
    let (_keyword, rest) = rest.split_once(' ')?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// `dts` as the package ships it; an error when wasm-bindgen's output is not the shape expected.
pub fn for_package(dts: &str) -> Result<String, String> {
    let start = dts
        .match_indices(INIT_START)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || dts.as_bytes()[i - 1] == b'\n')
        .ok_or_else(|| ["no line starts with `", INIT_START, "`: has wasm-bindgen's output changed?"].concat())?;
    let (kept, init) = dts.split_at(start);
    for line in init.lines().filter(|line| line.starts_with("export ")) {
        let name = exported_name(line).unwrap_or(line);
        if !INIT_NAMES.contains(&name) {
            return Err(["wasm-bindgen declares `", name, "` among the instantiation API; decide whether the package ships it"].concat());
        }
    }
    let mut out: String = kept.lines().filter(|line| line.trim() != DISPOSE).flat_map(|line| [line, "\n"]).collect();
    out.truncate(out.trim_end().len());
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLASS: &str = "export class SeamClient {\n    free(): void;\n    [Symbol.dispose](): void;\n    signOut(): void;\n}\n";
    const INIT: &str = "\nexport type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;\n\n\
        export interface InitOutput {\n    readonly memory: WebAssembly.Memory;\n}\n\n\
        export type SyncInitInput = BufferSource | WebAssembly.Module;\n\n\
        /**\n * @returns {InitOutput}\n */\nexport function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;\n\n\
        export default function __wbg_init (module_or_path?: InitInput): Promise<InitOutput>;\n";

    #[test]
    fn drops_dispose_and_the_instantiation_api() {
        let out = for_package(&[CLASS, INIT].concat()).unwrap();
        assert_eq!(out, "export class SeamClient {\n    free(): void;\n    signOut(): void;\n}\n");
    }

    #[test]
    fn refuses_output_it_does_not_know() {
        assert!(for_package(CLASS).unwrap_err().contains("InitInput"));
        let more = [CLASS, INIT, "export function start(): void;\n"].concat();
        assert!(for_package(&more).unwrap_err().contains("`start`"));
    }

    #[test]
    fn names_of_export_lines() {
        assert_eq!(exported_name("export default function __wbg_init (m?: InitInput): Promise<InitOutput>;"), Some("__wbg_init"));
        assert_eq!(exported_name("export interface InitOutput {"), Some("InitOutput"));
        assert_eq!(exported_name("export type SyncInitInput = BufferSource;"), Some("SyncInitInput"));
    }
}
