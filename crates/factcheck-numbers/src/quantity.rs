//! What the grammar reads: a quantity with its exact value, the interval its printed form allows,
//! its unit, kind and qualifier, and where it stands in the normalised text.

use rust_decimal::Decimal;
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Money,
    Count,
    Percent,
    PercentagePoint,
    Ratio,
    Multiple,
    Date,
    Duration,
    Other,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage_point",
            Kind::Ratio => "ratio",
            Kind::Multiple => "multiple",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "money" => Kind::Money,
            "count" => Kind::Count,
            "percent" => Kind::Percent,
            "percentage_point" => Kind::PercentagePoint,
            "ratio" => Kind::Ratio,
            "multiple" => Kind::Multiple,
            "date" => Kind::Date,
            "duration" => Kind::Duration,
            "other" => Kind::Other,
            _ => return None,
        })
    }

    pub const ALL: [Kind; 9] = [
        Kind::Money,
        Kind::Count,
        Kind::Percent,
        Kind::PercentagePoint,
        Kind::Ratio,
        Kind::Multiple,
        Kind::Date,
        Kind::Duration,
        Kind::Other,
    ];
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    About,
    Nearly,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
        }
    }

    pub fn from_name(name: &str) -> Option<Qualifier> {
        Some(match name {
            "exact" => Qualifier::Exact,
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "less_than" => Qualifier::LessThan,
            "at_most" => Qualifier::AtMost,
            "about" => Qualifier::About,
            "nearly" => Qualifier::Nearly,
            _ => return None,
        })
    }
}

/// A calendar date as far as the text tells it; the year may be inferred from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The year was not printed next to this date but taken from the story or the page.
    pub year_inferred: bool,
    /// That year was taken from the story's other years (which may be the data's, not the
    /// day's), not from the page's date.
    pub year_from_story: bool,
    /// That year was printed only after the date (a later date of its month, which may be
    /// another occasion's, or the latest year of the page): the years either side are as likely.
    pub year_from_later: bool,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the span and weekday arithmetic).
pub fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl PartialDate {
    /// ISO 8601 text: `2024-10-28`, `2024-10`, `2024`, `--10-28` or `--10` without a year.
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, Some(d)) => format!("---{d:02}"),
            (None, None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number: the printed value and the interval the print and the qualifier allow
    /// (`None` for an unbounded side).
    Number {
        value: Decimal,
        lower: Option<Decimal>,
        upper: Option<Decimal>,
    },
    Date(PartialDate),
    /// A clock time, 24-hour.
    Time {
        hour: u32,
        minute: u32,
    },
}

/// One quantity read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the normalised text.
    pub span: Range<usize>,
    pub value: Value,
    pub unit: String,
    pub kind: Kind,
    pub qualifier: Qualifier,
    /// What the figure measures where the layout says it (a table cell: its row's label and its
    /// column's title); `None` in prose.
    pub measures: Option<String>,
}

impl Quantity {
    /// The printed value as a number, if this is a number.
    pub fn number(&self) -> Option<Decimal> {
        match self.value {
            Value::Number { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn bounds(&self) -> (Option<Decimal>, Option<Decimal>) {
        match self.value {
            Value::Number { lower, upper, .. } => (lower, upper),
            _ => (None, None),
        }
    }

    pub fn date(&self) -> Option<PartialDate> {
        match self.value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The value as report text: a plain decimal, ISO 8601 for dates, `HH:MM` for times.
    pub fn value_text(&self) -> String {
        match &self.value {
            Value::Number { value, .. } => value.normalize().to_string(),
            Value::Date(d) => d.iso(),
            Value::Time { hour, minute } => format!("{hour:02}:{minute:02}"),
        }
    }

    /// The interval's sides as report text (`None` when unbounded); dates and times are points.
    pub fn bound_texts(&self) -> (Option<String>, Option<String>) {
        match &self.value {
            Value::Number { lower, upper, .. } => (
                lower.map(|d| d.normalize().to_string()),
                upper.map(|d| d.normalize().to_string()),
            ),
            _ => (Some(self.value_text()), Some(self.value_text())),
        }
    }
}
