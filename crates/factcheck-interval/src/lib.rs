//! Closed intervals of exact decimals, possibly unbounded on either side. A printed figure is an
//! interval (22.4% covers [22.35, 22.45]); arithmetic on intervals gives every value the printed
//! figures allow, so two statements contradict each other only when their intervals are disjoint.

use rust_decimal::Decimal;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// `None`: unbounded below.
    pub lo: Option<Decimal>,
    /// `None`: unbounded above.
    pub hi: Option<Decimal>,
}

impl Interval {
    pub const ALL: Interval = Interval { lo: None, hi: None };

    pub fn new(lo: Option<Decimal>, hi: Option<Decimal>) -> Interval {
        match (lo, hi) {
            (Some(a), Some(b)) if a > b => Interval {
                lo: Some(b),
                hi: Some(a),
            },
            _ => Interval { lo, hi },
        }
    }

    pub fn point(v: Decimal) -> Interval {
        Interval {
            lo: Some(v),
            hi: Some(v),
        }
    }

    pub fn is_point(&self) -> bool {
        self.lo.is_some() && self.lo == self.hi
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo.is_none_or(|lo| lo <= v) && self.hi.is_none_or(|hi| v <= hi)
    }

    /// Do the two intervals share at least one value?
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = matches!((self.hi, other.lo), (Some(h), Some(l)) if h < l);
        let above = matches!((self.lo, other.hi), (Some(l), Some(h)) if l > h);
        !(below || above)
    }

    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if !self.overlaps(other) {
            return None;
        }
        let lo = match (self.lo, other.lo) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let hi = match (self.hi, other.hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Some(Interval { lo, hi })
    }

    /// The midpoint when bounded, else the bounded side.
    pub fn center(&self) -> Option<Decimal> {
        match (self.lo, self.hi) {
            // a + (b − a)/2 when the sum would not fit (then a and b share a sign)
            (Some(a), Some(b)) => a.checked_add(b).map(|s| s / Decimal::TWO).or_else(|| {
                b.checked_sub(a)
                    .and_then(|d| a.checked_add(d / Decimal::TWO))
            }),
            (a, b) => a.or(b),
        }
    }

    pub fn neg(&self) -> Interval {
        Interval {
            lo: self.hi.map(|h| -h),
            hi: self.lo.map(|l| -l),
        }
    }

    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: both(self.lo, other.lo, |a, b| a.checked_add(b)),
            hi: both(self.hi, other.hi, |a, b| a.checked_add(b)),
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Interval) -> Interval {
        // unbounded factors: only the simple non-negative cases keep a bound
        match (self.lo, self.hi, other.lo, other.hi) {
            (Some(a), Some(b), Some(c), Some(d)) => {
                let products = [
                    a.checked_mul(c),
                    a.checked_mul(d),
                    b.checked_mul(c),
                    b.checked_mul(d),
                ];
                spanned(products)
            }
            (Some(a), _, Some(c), _) if a >= Decimal::ZERO && c >= Decimal::ZERO => Interval {
                lo: a.checked_mul(c),
                hi: None,
            },
            _ => Interval::ALL,
        }
    }

    /// Division; a divisor that may be zero gives an unbounded result.
    pub fn div(&self, other: &Interval) -> Interval {
        match (other.lo, other.hi) {
            (Some(c), Some(d)) if c > Decimal::ZERO || d < Decimal::ZERO => {
                // divide the bounds directly, so that 84 ÷ 210 stays exactly 0.4
                let (Some(a), Some(b)) = (self.lo, self.hi) else {
                    let inverse =
                        Interval::new(Decimal::ONE.checked_div(d), Decimal::ONE.checked_div(c));
                    return self.mul(&inverse);
                };
                let quotients = [
                    a.checked_div(c),
                    a.checked_div(d),
                    b.checked_div(c),
                    b.checked_div(d),
                ];
                spanned(quotients)
            }
            (Some(c), None) if c > Decimal::ZERO => {
                // x / [c, ∞) for x ≥ 0 is [0, x/c]
                match (self.lo, self.hi) {
                    (Some(a), hi) if a >= Decimal::ZERO => Interval {
                        lo: Some(Decimal::ZERO),
                        hi: hi.and_then(|h| h.checked_div(c)),
                    },
                    _ => Interval::ALL,
                }
            }
            _ => Interval::ALL,
        }
    }

    /// `self` to a whole power from 1 to 100 (a compound rate over so many years), for a base
    /// that cannot be negative; anything else (a fractional or unknown exponent, a base that may
    /// be negative, a result too large to hold) is unbounded, which never makes a conflict.
    pub fn pow(&self, exponent: &Interval) -> Interval {
        let Some(n) = whole_exponent(exponent) else {
            return Interval::ALL;
        };
        match self.lo {
            // a power too large to hold is at least one
            Some(lo) if lo >= Decimal::ZERO => Interval {
                lo: checked_powi(lo, n).or(Some(Decimal::ONE)),
                hi: self.hi.and_then(|hi| checked_powi(hi, n)),
            },
            _ => Interval::ALL,
        }
    }

    /// The bases whose whole power `exponent` lies in `self` (the inverse of [`Interval::pow`]),
    /// widened by a millionth of a millionth so that the root, found in floating point, is never
    /// narrower than the true one.
    pub fn root(&self, exponent: &Interval) -> Interval {
        let Some(n) = whole_exponent(exponent) else {
            return Interval::ALL;
        };
        let root = |v: Decimal, widen: i64| -> Option<Decimal> {
            use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
            let r = v.max(Decimal::ZERO).to_f64()?.powf(1.0 / n as f64);
            let r = Decimal::from_f64(r)?;
            r.checked_add(Decimal::from(widen) * (r.abs() + Decimal::ONE) * Decimal::new(1, 12))
        };
        Interval {
            lo: match self.lo {
                Some(lo) if lo > Decimal::ZERO => root(lo, -1).map(|r| r.max(Decimal::ZERO)),
                _ => Some(Decimal::ZERO),
            },
            hi: self.hi.and_then(|hi| root(hi, 1)),
        }
    }

    pub fn scale(&self, k: Decimal) -> Interval {
        self.mul(&Interval::point(k))
    }

    /// Rounds the bounds outward to `dp` decimal places, for display.
    pub fn rounded(&self, dp: u32) -> Interval {
        use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
        Interval {
            lo: self
                .lo
                .map(|v| v.round_dp_with_strategy(dp, ToNegativeInfinity).normalize()),
            hi: self
                .hi
                .map(|v| v.round_dp_with_strategy(dp, ToPositiveInfinity).normalize()),
        }
    }
}

/// The interval from the least to the greatest of four bounds; everything when one overflowed.
fn spanned(bounds: [Option<Decimal>; 4]) -> Interval {
    let [Some(p), Some(q), Some(r), Some(s)] = bounds else {
        return Interval::ALL;
    };
    let bounds = [p, q, r, s];
    Interval {
        lo: bounds.iter().min().copied(),
        hi: bounds.iter().max().copied(),
    }
}

fn both(
    a: Option<Decimal>,
    b: Option<Decimal>,
    f: impl Fn(Decimal, Decimal) -> Option<Decimal>,
) -> Option<Decimal> {
    f(a?, b?)
}

/// A point exponent that is a whole number from 1 to 100.
fn whole_exponent(exponent: &Interval) -> Option<u32> {
    let n = exponent.lo.filter(|_| exponent.is_point())?;
    if n.fract().is_zero() && n >= Decimal::ONE && n <= Decimal::ONE_HUNDRED {
        use rust_decimal::prelude::ToPrimitive;
        n.to_u32()
    } else {
        None
    }
}

/// `v` to the power `n` by repeated multiplication, `None` on overflow.
fn checked_powi(v: Decimal, n: u32) -> Option<Decimal> {
    (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(v))
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |v: Option<Decimal>, inf: &str| {
            v.map(|d| d.normalize().to_string())
                .unwrap_or_else(|| inf.to_string())
        };
        write!(f, "[{}, {}]", side(self.lo, "-∞"), side(self.hi, "+∞"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn iv(a: &str, b: &str) -> Interval {
        Interval::new(Some(d(a)), Some(d(b)))
    }

    #[test]
    fn arithmetic_covers_every_reading() {
        assert_eq!(iv("1", "2").add(&iv("10", "20")), iv("11", "22"));
        assert_eq!(iv("1", "2").sub(&iv("10", "20")), iv("-19", "-8"));
        assert_eq!(iv("-1", "2").mul(&iv("3", "4")), iv("-4", "8"));
        assert_eq!(iv("10", "20").div(&iv("2", "5")), iv("2", "10"));
        assert_eq!(iv("1", "2").div(&iv("-1", "1")), Interval::ALL);
    }

    #[test]
    fn whole_powers_and_their_roots() {
        let ten = Interval::point(d("10"));
        assert_eq!(
            iv("1.1", "1.2").pow(&Interval::point(d("2"))),
            iv("1.21", "1.44")
        );
        // 3.75% a year for ten years is 44.5%: the root of [1.4445, 1.4455] holds 1.0375
        let yearly = iv("1.4445", "1.4455").root(&ten);
        assert!(yearly.contains(d("1.0375")) && !yearly.contains(d("1.038")));
        // a fractional or unknown exponent, or a base that may be negative, bounds nothing
        assert_eq!(iv("1", "2").pow(&iv("2", "3")), Interval::ALL);
        assert_eq!(iv("1", "2").pow(&Interval::point(d("2.5"))), Interval::ALL);
        assert_eq!(iv("-1", "2").pow(&ten), Interval::ALL);
        // too large to hold: at least one, never a panic
        let huge = iv("1000000000", "1000000001").pow(&Interval::point(d("100")));
        assert_eq!(huge.lo, Some(Decimal::ONE));
        assert_eq!(huge.hi, None);
    }

    #[test]
    fn contradiction_needs_disjoint_intervals() {
        assert!(iv("22.35", "22.45").overlaps(&iv("22.45", "23")));
        assert!(!iv("22.35", "22.45").overlaps(&iv("22.46", "23")));
        let open = Interval::new(Some(d("300")), None);
        assert!(open.overlaps(&iv("1000", "2000")));
        assert!(!open.overlaps(&iv("100", "299")));
    }

    #[test]
    fn overflowing_bounds_become_unbounded_not_a_panic() {
        let big = iv(
            "50000000000000000000000000000",
            "50000000000000000000000000000",
        );
        let sum = big.add(&big);
        assert_eq!(sum, Interval::ALL);
        assert_eq!(big.neg().sub(&big), Interval::ALL);
        assert_eq!(big.mul(&big), Interval::ALL);
        assert_eq!(big.div(&iv("0.0000001", "0.0000001")), Interval::ALL);
        let max = Interval::new(Some(Decimal::MAX), Some(Decimal::MAX));
        assert_eq!(max.center(), Some(Decimal::MAX));
        let half_open = Interval::new(Some(Decimal::MAX), None);
        assert_eq!(half_open.add(&big).lo, None);
        assert_eq!(max.rounded(2), max);
    }

    #[test]
    fn growth_base_from_rounded_figures() {
        // 18.47亿 at +22.4%: base = current / (1 + rate)
        let current = iv("18.465", "18.475");
        let factor = iv("1.2235", "1.2245");
        let base = current.div(&factor).rounded(4);
        assert_eq!(base, iv("15.0796", "15.1002"));
    }
}
