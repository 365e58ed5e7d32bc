//! The structures of copy that state relations whatever their wording (see
//! `factcheck_rules::finders` for the roles each fills). Each reads the story's frames.

pub mod added;
pub mod apposed;
pub mod average;
pub mod bands;
pub mod compound;
pub mod counted;
pub mod days;
pub mod enumeration;
pub mod fractions;
pub mod growth;
pub mod multiple;
pub mod named_ratio;
pub mod net;
pub mod outcomes;
pub mod parts;
pub mod per_population;
pub mod points;
pub mod rate;
pub mod restated;
pub mod running;
pub mod share;
pub mod tables;
pub mod weekdays;

use crate::{Found, Story};

/// The readings a structure finds in a story.
pub fn find(story: &Story, name: &str) -> Vec<Found> {
    match name {
        "growth" => growth::growth(story),
        "compound" => compound::over_years(story),
        "compound-levels" => compound::between_levels(story),
        "base-stated" => growth::base_stated(story),
        "parts" => parts::parts(story),
        "added" => added::added(story),
        "parts-listed" => parts::parts_listed(story),
        "part-of" => parts::part_of(story),
        "bases-of-parts" => parts::bases_of_parts(story, parts::BasesBy::Rates),
        "changes-of-parts" => parts::bases_of_parts(story, parts::BasesBy::Amounts),
        "bases-of-listed-parts" => parts::bases_of_listed_parts(story),
        "rate-of-parts" => parts::rate_of_parts(story),
        "shares-of-parts" => parts::shares_of_parts(story),
        "share" => share::share(story),
        "fraction" => fractions::fraction_shares(story),
        "share-of-partition" => share::of_partition(story),
        "structure" => share::structure(story),
        "net-of-pair" => net::net_of_pair(story),
        "multiple" => multiple::multiples(story),
        "ratio-of-named" => named_ratio::named_ratios(story),
        "per-item" => average::per_item(story),
        "per-population" => per_population::per_population(story),
        "rate-of-count" => rate::rate_of_count(story),
        "outcomes-rate" => outcomes::rate_of_outcomes(story),
        "structure-terms" => share::structure_terms(story),
        "points" => points::points(story),
        "points-against" => points::against(story),
        "points-of-shares" => points::points_of_shares(story),
        "restated" => restated::restated(story),
        "headline" => restated::headline(story),
        "counted-list" => counted::counted(story),
        "enumerated" => counted::enumerated(story),
        "names-then-count" => counted::names_then_count(story),
        "weekday-pairs" => weekdays::weekday_pairs(story),
        "day-words" => days::day_words(story),
        "span-ends" => days::span_ends(story),
        "table-product" => tables::products(story),
        "table-sum" => tables::row_sums(story, false),
        "table-within" => tables::row_sums(story, true),
        // declared for rules to come (tables and per-unit figures need the table reader)
        _ => Vec::new(),
    }
}
