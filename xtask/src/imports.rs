//! Shortens the names of the functions the wasm imports from its JS glue. wasm-bindgen names
//! each `__wbg_<name>_<16 hex digits>`; the hex digits cannot be compressed, and every name is
//! written twice, once in the wasm and once in the glue. Renamed to `a`, `b`, ..., both files
//! keep agreeing, and the download shrinks.

const IMPORT_SECTION: u8 = 2;
const PREFIX: &str = "__wbg_";

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

/// Renames every `__wbg_` import in `wasm` and the one matching key in `js`.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".to_owned());
    }
    let mut out = wasm[..8].to_vec();
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)? as usize;
        let body = wasm.get(at..at + size).ok_or("the wasm ends inside a section")?;
        at += size;
        let body = if id == IMPORT_SECTION { rename_imports(body, &mut renames)? } else { body.to_vec() };
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
    Ok((out, js))
}

fn is_whole_word(text: &str, start: usize, len: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    !word(text[..start].chars().next_back()) && !word(text[start + len..].chars().next())
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
        let field = if field.starts_with(PREFIX) {
            let new = short_name(renames.len());
            renames.push((field.to_owned(), new.clone()));
            new
        } else {
            field.to_owned()
        };
        for name in [module, field.as_str()] {
            write_leb(&mut out, name.len() as u32);
            out.extend_from_slice(name.as_bytes());
        }
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

    fn name(out: &mut Vec<u8>, text: &str) {
        write_leb(out, text.len() as u32);
        out.extend_from_slice(text.as_bytes());
    }

    /// A module with a type section and an import section of three functions.
    fn module_with(first: &str, third: &str) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (field, desc) in [(first, &[0u8, 0][..]), ("__wbindgen_init_externref_table", &[0, 0]), (third, &[0, 0])] {
            name(&mut imports, "./seam_wasm_bg.js");
            name(&mut imports, field);
            imports.extend_from_slice(desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        wasm
    }

    fn module() -> Vec<u8> {
        module_with("__wbg_fetch_0123456789abcdef", "__wbg_then_fedcba9876543210")
    }

    #[test]
    fn renames_in_both_files() {
        let js = "const i = { __wbg_fetch_0123456789abcdef: f, __wbg_then_fedcba9876543210: g, __wbindgen_init_externref_table: h };";
        let (wasm, js) = shorten(&module(), js).unwrap();
        assert_eq!(js, "const i = { a: f, b: g, __wbindgen_init_externref_table: h };");
        assert_eq!(wasm, module_with("a", "b"));
    }

    #[test]
    fn refuses_glue_that_does_not_match() {
        assert!(shorten(&module(), "nothing here").is_err());
        let twice = "__wbg_fetch_0123456789abcdef __wbg_fetch_0123456789abcdef __wbg_then_fedcba9876543210";
        assert!(shorten(&module(), twice).is_err());
        assert!(shorten(b"not wasm", "").is_err());
    }

    #[test]
    fn short_names_run_on_after_z() {
        assert_eq!([0, 25, 26, 51, 52, 53].map(short_name), ["a", "z", "A", "Z", "aa", "ab"]);
    }
}
