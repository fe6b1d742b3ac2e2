fn main() {
    afl::fuzz!(|data: &[u8]| {
        dossier_fuzz::keymap(data);
    });
}
