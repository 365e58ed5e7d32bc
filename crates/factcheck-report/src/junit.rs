//! JUnit XML, for CI systems that show test reports: one test case per file, a failure per
//! finding at or above warning, an error for a file that could not be read.

use crate::model::{Report, Severity};

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(report: &Report) -> String {
    let failures: usize = report
        .files
        .iter()
        .map(|f| {
            f.findings
                .iter()
                .filter(|x| x.severity >= Severity::Warning)
                .count()
        })
        .sum();
    let errors = report.files.iter().filter(|f| f.error.is_some()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<testsuites name=\"factcheck\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">\n", report.files.len()));
    out.push_str(&format!("  <testsuite name=\"factcheck\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">\n", report.files.len()));
    for file in &report.files {
        out.push_str(&format!(
            "    <testcase classname=\"factcheck\" name=\"{}\">\n",
            xml(&file.path)
        ));
        if let Some(error) = &file.error {
            out.push_str(&format!(
                "      <error message=\"{}\"/>\n",
                xml(&error.message)
            ));
        }
        for f in file
            .findings
            .iter()
            .filter(|x| x.severity >= Severity::Warning)
        {
            out.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}</failure>\n",
                xml(&f.rule),
                xml(&f.message),
                xml(&file.path),
                f.line,
                f.column,
                xml(&f.message)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
