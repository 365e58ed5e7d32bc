//! Throughput of the whole pipeline (decode, normalise, segment, read quantities, build the
//! report) on about 1 MB of page text and on a 50 MB generated corpus of pages.
//!
//! `cargo bench -p factcheck` prints the time per run; MB/s = size / time (sizes are printed
//! once at start). The corpus is made from the fixtures with every digit redrawn by a fixed
//! pseudo-random sequence, so each page reads like a real one and no two pages are alike.

use factcheck::Checker;
use std::sync::LazyLock;

// the allocator of the binary (see src/main.rs), so the figures are those of the command
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FIXTURES: [&str; 3] = [
    include_str!("../../../fixtures/evening-page.txt"),
    include_str!("../../../fixtures/county-bulletin.txt"),
    include_str!("../../../fixtures/evening-page.txt"),
];

/// Pages whose digits are redrawn, `total` bytes in all.
fn generate(total: usize) -> Vec<Vec<u8>> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut pages = Vec::new();
    let mut size = 0;
    while size < total {
        let template = FIXTURES[pages.len() % FIXTURES.len()];
        let page: String = template
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(b'0' + (state % 10) as u8)
                } else {
                    c
                }
            })
            .collect();
        size += page.len();
        pages.push(page.into_bytes());
    }
    pages
}

static ONE_MB: LazyLock<Vec<u8>> = LazyLock::new(|| generate(1_000_000).join(&b"\n\n"[..]));
static CORPUS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| generate(50_000_000));

fn main() {
    eprintln!(
        "one page of {} bytes; corpus of {} pages, {} bytes",
        ONE_MB.len(),
        CORPUS.len(),
        CORPUS.iter().map(Vec::len).sum::<usize>()
    );
    divan::main();
}

/// About 1 MB as a single page (one file holding many stories).
#[divan::bench(sample_count = 10)]
fn page_1mb(bencher: divan::Bencher) {
    let checker = Checker::new();
    bencher.bench(|| checker.check("page.txt", divan::black_box(ONE_MB.as_slice())));
}

/// The same page with its stories checked one after another on one thread.
#[divan::bench(sample_count = 10)]
fn page_1mb_one_thread(bencher: divan::Bencher) {
    let checker = Checker::new().with_story_threads(factcheck::StoryThreads {
        workers: Some(1),
        from_stories: 0,
    });
    bencher.bench(|| checker.check("page.txt", divan::black_box(ONE_MB.as_slice())));
}

/// 50 MB of page-sized files, checked one after another.
#[divan::bench(sample_count = 2, sample_size = 1)]
fn corpus_50mb(bencher: divan::Bencher) {
    let checker = Checker::new();
    bencher.bench(|| {
        CORPUS
            .iter()
            .map(|page| {
                checker
                    .check("page.txt", divan::black_box(page))
                    .quantities
                    .len()
            })
            .sum::<usize>()
    });
}

/// The same page read to its quantities only (decode, normalise, segment, the quantity grammar):
/// the baseline the relations, the graph and the checks are measured against.
#[divan::bench(sample_count = 10)]
fn page_1mb_quantities_only(bencher: divan::Bencher) {
    let vocab = factcheck_numbers::Vocabulary::builtin();
    let options = factcheck_numbers::ReadOptions::default();
    bencher.bench(|| {
        let (source, _) = factcheck_text::SourceText::from_draft(
            divan::black_box(ONE_MB.as_slice()),
            factcheck_text::markup::Markup::Plain,
            &vocab,
        )
        .expect("the page decodes");
        factcheck_numbers::read_quantities(&source, &vocab, &options)
    });
}
