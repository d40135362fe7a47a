// The default course is embedded with include_dir!; rebuild when its files change.
fn main() {
    for path in ["course.yaml", "lessons", "exercises"] {
        println!("cargo:rerun-if-changed={path}");
    }
}
