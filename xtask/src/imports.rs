//! Shortens the names of the functions the wasm imports from its JS glue, and of the closure
//! shims it exports. wasm-bindgen names an import `__wbg_<name>_<16 hex digits>` and a shim after
//! its whole Rust type, crate hashes included; hashes cannot be compressed, and every name is
//! written in both files. Renamed to `a`, `b`, ... (imports) and `$a`, `$b`, ... (shims), both
//! files keep agreeing, and the download shrinks.

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
const IMPORT_PREFIX: &str = "__wbg_";
const SHIM_PREFIX: &str = "wasm_bindgen_";

fn read_leb(bytes: &[u8], at: &mut usize) -> Result<u32, String> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or("the wasm ends inside a number")?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a number in the wasm is too long".to_owned())
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str, String> {
    let len = read_leb(bytes, at)? as usize;
    let name = bytes.get(*at..*at + len).ok_or("the wasm ends inside a name")?;
    *at += len;
    std::str::from_utf8(name).map_err(|_| "a name in the wasm is not UTF-8".to_owned())
}

/// `a`..`z`, `A`..`Z`, then two letters, and so on.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.insert(0, LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            return String::from_utf8(name).expect("ASCII letters");
        }
        index -= 1;
    }
}

/// Skips an import's description (what follows its two names).
fn skip_import_desc(bytes: &[u8], at: &mut usize) -> Result<(), String> {
    let kind = *bytes.get(*at).ok_or("the wasm ends inside an import")?;
    *at += 1;
    let limits = |at: &mut usize| -> Result<(), String> {
        let flags = read_leb(bytes, at)?;
        read_leb(bytes, at)?;
        if flags & 1 != 0 {
            read_leb(bytes, at)?;
        }
        Ok(())
    };
    match kind {
        0 => read_leb(bytes, at).map(drop),
        1 => {
            *at += 1; // reference type
            limits(at)
        }
        2 => limits(at),
        3 => {
            *at += 2; // value type, mutability
            Ok(())
        }
        _ => Err(["an import of an unknown kind: ", &kind.to_string()].concat()),
    }
}

/// Renames every `__wbg_` import in `wasm` and the one matching key in `js`, and every closure
/// shim export and each use of it in `js`.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".to_owned());
    }
    let mut out = wasm[..8].to_vec();
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut shims: Vec<(String, String)> = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)? as usize;
        let body = wasm.get(at..at + size).ok_or("the wasm ends inside a section")?;
        at += size;
        let body = match id {
            IMPORT_SECTION => rename_imports(body, &mut renames)?,
            EXPORT_SECTION => rename_shims(body, &mut shims)?,
            _ => body.to_vec(),
        };
        out.push(id);
        write_leb(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
    }
    let mut js = js.to_owned();
    for (old, new) in &renames {
        // Each import is one key of the glue's imports object, and appears nowhere else.
        let found: Vec<usize> = js.match_indices(old.as_str()).map(|(i, _)| i).filter(|&i| is_whole_word(&js, i, old.len())).collect();
        let [index] = found[..] else {
            return Err(["expected one ", old, " in the JS glue, found ", &found.len().to_string()].concat());
        };
        js.replace_range(index..index + old.len(), new);
    }
    for (old, new) in &shims {
        // A shim is called as `wasm.<name>` and wrapped by a JS function of the same name.
        let found: Vec<usize> = js.match_indices(old.as_str()).map(|(i, _)| i).filter(|&i| is_whole_word(&js, i, old.len())).collect();
        if found.is_empty() {
            return Err(["the JS glue never uses the export ", old].concat());
        }
        for index in found.into_iter().rev() {
            js.replace_range(index..index + old.len(), new);
        }
    }
    Ok((out, js))
}

fn is_whole_word(text: &str, start: usize, len: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    !word(text[..start].chars().next_back()) && !word(text[start + len..].chars().next())
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

fn rename_shims(body: &[u8], shims: &mut Vec<(String, String)>) -> Result<Vec<u8>, String> {
    let mut at = 0;
    let count = read_leb(body, &mut at)?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        let name = read_name(body, &mut at)?;
        let desc_start = at;
        at += 1; // kind
        read_leb(body, &mut at)?;
        let name = if name.starts_with(SHIM_PREFIX) {
            let new = ["$", &short_name(shims.len())].concat();
            shims.push((name.to_owned(), new.clone()));
            new
        } else {
            name.to_owned()
        };
        write_name(&mut out, &name);
        out.extend_from_slice(body.get(desc_start..at).ok_or("the wasm ends inside an export")?);
    }
    if at != body.len() {
        return Err("the export section has trailing bytes".to_owned());
    }
    Ok(out)
}

fn rename_imports(body: &[u8], renames: &mut Vec<(String, String)>) -> Result<Vec<u8>, String> {
    let mut at = 0;
    let count = read_leb(body, &mut at)?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        let module = read_name(body, &mut at)?;
        let field = read_name(body, &mut at)?;
        let desc_start = at;
        skip_import_desc(body, &mut at)?;
        let field = if field.starts_with(IMPORT_PREFIX) {
            let new = short_name(renames.len());
            renames.push((field.to_owned(), new.clone()));
            new
        } else {
            field.to_owned()
        };
        write_name(&mut out, module);
        write_name(&mut out, &field);
        out.extend_from_slice(&body[desc_start..at]);
    }
    if at != body.len() {
        return Err("the import section has trailing bytes".to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type section, an import section of three functions and an export
    /// section of a shim and a method.
    fn module_with(first: &str, third: &str, shim: &str) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (field, desc) in [(first, &[0u8, 0][..]), ("__wbindgen_init_externref_table", &[0, 0]), (third, &[0, 0])] {
            write_name(&mut imports, "./seam_wasm_bg.js");
            write_name(&mut imports, field);
            imports.extend_from_slice(desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        let mut exports = Vec::new();
        write_leb(&mut exports, 2);
        for (name, index) in [(shim, 3u8), ("seamclient_request", 4)] {
            write_name(&mut exports, name);
            exports.extend_from_slice(&[0, index]);
        }
        wasm.push(EXPORT_SECTION);
        write_leb(&mut wasm, exports.len() as u32);
        wasm.extend_from_slice(&exports);
        wasm
    }

    const SHIM: &str = "wasm_bindgen_d56c81c998592d0___convert__closures_____invoke___u32_";

    fn module() -> Vec<u8> {
        module_with("__wbg_fetch_0123456789abcdef", "__wbg_then_fedcba9876543210", SHIM)
    }

    #[test]
    fn renames_in_both_files() {
        let js = ["const i = { __wbg_fetch_0123456789abcdef: f, __wbg_then_fedcba9876543210: g, __wbindgen_init_externref_table: h };\n",
            "function ", SHIM, "(a) { wasm.", SHIM, "(a); } wasm.seamclient_request();"].concat();
        let (wasm, js) = shorten(&module(), &js).unwrap();
        assert_eq!(js, "const i = { a: f, b: g, __wbindgen_init_externref_table: h };\nfunction $a(a) { wasm.$a(a); } wasm.seamclient_request();");
        assert_eq!(wasm, module_with("a", "b", "$a"));
    }

    #[test]
    fn refuses_glue_that_does_not_match() {
        assert!(shorten(&module(), "nothing here").is_err());
        let twice = ["__wbg_fetch_0123456789abcdef __wbg_fetch_0123456789abcdef __wbg_then_fedcba9876543210 wasm.", SHIM].concat();
        assert!(shorten(&module(), &twice).is_err());
        let unused_shim = "__wbg_fetch_0123456789abcdef __wbg_then_fedcba9876543210";
        assert!(shorten(&module(), unused_shim).is_err());
        assert!(shorten(b"not wasm", "").is_err());
    }

    #[test]
    fn short_names_run_on_after_z() {
        assert_eq!([0, 25, 26, 51, 52, 53].map(short_name), ["a", "z", "A", "Z", "aa", "ab"]);
    }
}
