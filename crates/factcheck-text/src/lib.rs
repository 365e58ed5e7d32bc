//! Text for factcheck: decoding a file's bytes, normalising the text with an offset map back to
//! those bytes, and segmenting a page into articles, paragraphs and sentences.

pub mod chars;
pub mod decode;
pub mod docx;
pub mod lines;
pub mod markers;
pub mod markup;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod source;
pub mod table;

pub use decode::{decode, decode_owned, DecodeError, Decoded};
pub use normalize::{normalize, Continuation, Normalized, Paragraph};
pub use offsets::OffsetMap;
pub use segment::{Article, Document};
pub use source::SourceText;
pub use table::{Table, TableColumn, TableRow};
