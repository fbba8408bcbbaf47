use std::process::ExitCode;

fn main() -> ExitCode {
    serverless_tutor::cli::run()
}
