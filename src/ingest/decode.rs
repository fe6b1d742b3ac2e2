//! Bytes to text: BOM stripping, binary detection, lossy UTF-8 decoding and LF normalisation.
//!
//! Pure; no IO. Must not import UI crates.

use super::{Decoded, SkipReason};

/// How many leading bytes are inspected for binary content.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a file's bytes into LF-normalised text, or says why it should be skipped.
pub fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if is_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let (raw, lossy) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    };
    let text = normalise_line_endings(&raw);
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(Decoded { text, lossy })
}

fn is_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return true;
    }
    if sample.is_empty() {
        return false;
    }
    // Text has tabs, newlines and form feeds; other C0 controls are rare outside binary data.
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

fn normalise_line_endings(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_normalises_line_endings() {
        let d = decode(b"\xEF\xBB\xBFa\r\nb\rc\n").unwrap();
        assert_eq!(d.text, "a\nb\nc\n");
        assert!(!d.lossy);
    }

    #[test]
    fn empty_and_whitespace_only_are_empty() {
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(SkipReason::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(SkipReason::Empty));
    }

    #[test]
    fn nul_bytes_and_control_noise_are_binary() {
        assert_eq!(decode(b"abc\0def"), Err(SkipReason::Binary));
        let noise: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode(&noise), Err(SkipReason::Binary));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let d = decode(b"Gr\xfc\xdfe aus Wien").unwrap();
        assert!(d.lossy);
        assert!(d.text.contains('\u{FFFD}'));
    }
}
