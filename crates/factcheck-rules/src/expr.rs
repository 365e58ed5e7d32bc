//! Check expressions: `total / population = per_capita`, with + − × ÷, parentheses, decimal
//! constants, ranges of constants (`[0.995, 1.005]`: a factor known only to lie between two
//! bounds), `sum(parts)` over a list, and one comparison (=, <=, >=, <, >). Placeholders stand for
//! the intervals their printed figures allow (a percentage as a fraction: 22.4% is 0.224), so a
//! check holds when some reading of the figures satisfies it. Nesting is bounded (`MAX_DEPTH`), so
//! a hostile expression is a located error, not a stack overflow.

use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(Decimal),
    /// A constant known only to lie between two bounds, inclusive: `[0.995, 1.005]`.
    Between(Decimal, Decimal),
    Var(String),
    /// The sum of a list placeholder's quantities.
    Sum(String),
    /// The least of a list placeholder's quantities.
    Min(String),
    /// The greatest of a list placeholder's quantities.
    Max(String),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    /// A whole power (`(1 + yearly) ^ years`): bounded only for a whole exponent from 1 to 100.
    Pow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Eq,
    Le,
    Ge,
    Lt,
    Gt,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckExpr {
    pub left: Expr,
    pub comparison: Comparison,
    pub right: Expr,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// 0-based character index in the expression.
    pub at: usize,
    pub message: String,
}

impl Expr {
    /// Does `known` accept every placeholder name used?
    fn all_vars(&self, known: &mut impl FnMut(&str) -> bool) -> bool {
        match self {
            Expr::Number(_) | Expr::Between(..) => true,
            Expr::Var(v) | Expr::Sum(v) | Expr::Min(v) | Expr::Max(v) => known(v),
            Expr::Neg(e) => e.all_vars(known),
            Expr::Binary(_, a, b) => a.all_vars(known) && b.all_vars(known),
        }
    }

    /// Placeholder names used, in order of first use.
    pub fn vars(&self, out: &mut Vec<String>) {
        match self {
            Expr::Number(_) | Expr::Between(..) => {}
            Expr::Var(v) | Expr::Sum(v) | Expr::Min(v) | Expr::Max(v) => {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
            Expr::Neg(e) => e.vars(out),
            Expr::Binary(_, a, b) => {
                a.vars(out);
                b.vars(out);
            }
        }
    }
}

impl CheckExpr {
    pub fn vars(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.left.vars(&mut out);
        self.right.vars(&mut out);
        out
    }

    /// Is every placeholder name the check uses one that `known` accepts? (Asked of every
    /// reading of every claim: walked without listing the names.)
    pub fn all_vars(&self, known: &mut impl FnMut(&str) -> bool) -> bool {
        self.left.all_vars(known) && self.right.all_vars(known)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(Decimal),
    Ident(String),
    Op(char),
    Open,
    Close,
    OpenRange,
    Comma,
    CloseRange,
    Cmp(Comparison),
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let token = match c {
            ' ' | '\t' => {
                i += 1;
                continue;
            }
            '0'..='9' | '.' => {
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let s: String = chars[start..i].iter().collect();
                let n = Decimal::from_str(&s).map_err(|_| ExprError {
                    at: start,
                    message: format!("`{s}` is not a number"),
                })?;
                out.push((start, Token::Number(n)));
                continue;
            }
            c if c.is_alphabetic() || c == '_' => {
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((start, Token::Ident(chars[start..i].iter().collect())));
                continue;
            }
            '+' | '-' => Token::Op(c),
            '*' | '×' => Token::Op('*'),
            '/' | '÷' => Token::Op('/'),
            '^' => Token::Op('^'),
            '(' | '（' => Token::Open,
            ')' | '）' => Token::Close,
            '[' => Token::OpenRange,
            ',' | '，' => Token::Comma,
            ']' => Token::CloseRange,
            '=' | '≈' => {
                if chars.get(i + 1) == Some(&'=') {
                    i += 1;
                }
                Token::Cmp(Comparison::Eq)
            }
            '≤' => Token::Cmp(Comparison::Le),
            '≥' => Token::Cmp(Comparison::Ge),
            '<' | '>' => {
                let or_equal = chars.get(i + 1) == Some(&'=');
                if or_equal {
                    i += 1;
                }
                Token::Cmp(match (c, or_equal) {
                    ('<', true) => Comparison::Le,
                    ('<', false) => Comparison::Lt,
                    (_, true) => Comparison::Ge,
                    _ => Comparison::Gt,
                })
            }
            _ => {
                return Err(ExprError {
                    at: i,
                    message: format!("unexpected `{c}`"),
                })
            }
        };
        out.push((start, token));
        i += 1;
    }
    Ok(out)
}

/// How deep parentheses, signs and operators may nest.
pub const MAX_DEPTH: usize = 64;

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(_, t)| t)
    }
    fn at(&self) -> usize {
        self.tokens
            .get(self.pos)
            .map(|(a, _)| *a)
            .unwrap_or(self.end)
    }
    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError {
                at: self.at(),
                message: format!("the expression nests deeper than {MAX_DEPTH} levels"),
            });
        }
        Ok(())
    }
    fn sum(&mut self) -> Result<Expr, ExprError> {
        self.enter()?;
        let mut terms = 0usize;
        let mut left = self.product()?;
        while let Some(Token::Op(c @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            terms += 1;
            if terms > MAX_DEPTH {
                return Err(ExprError {
                    at: self.at(),
                    message: format!("more than {MAX_DEPTH} terms in a row"),
                });
            }
            let right = self.product()?;
            left = Expr::Binary(
                if c == '+' { Op::Add } else { Op::Sub },
                Box::new(left),
                Box::new(right),
            );
        }
        self.depth -= 1;
        Ok(left)
    }
    fn product(&mut self) -> Result<Expr, ExprError> {
        let mut factors = 0usize;
        let mut left = self.unary()?;
        while let Some(Token::Op(c @ ('*' | '/'))) = self.peek().cloned() {
            self.pos += 1;
            factors += 1;
            if factors > MAX_DEPTH {
                return Err(ExprError {
                    at: self.at(),
                    message: format!("more than {MAX_DEPTH} factors in a row"),
                });
            }
            let right = self.unary()?;
            left = Expr::Binary(
                if c == '*' { Op::Mul } else { Op::Div },
                Box::new(left),
                Box::new(right),
            );
        }
        Ok(left)
    }
    /// `a ^ b`, binding tighter than ×, ÷ and a leading minus (`-a ^ 2` is `-(a ^ 2)`);
    /// `a ^ b ^ c` is `a ^ (b ^ c)`.
    fn power(&mut self) -> Result<Expr, ExprError> {
        let base = self.atom()?;
        if let Some(Token::Op('^')) = self.peek() {
            self.pos += 1;
            self.enter()?;
            let exponent = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Binary(Op::Pow, Box::new(base), Box::new(exponent)));
        }
        Ok(base)
    }
    fn unary(&mut self) -> Result<Expr, ExprError> {
        if let Some(Token::Op('-')) = self.peek() {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(inner)));
        }
        self.power()
    }
    fn atom(&mut self) -> Result<Expr, ExprError> {
        let at = self.at();
        match self.peek().cloned() {
            Some(Token::Number(n)) => {
                self.pos += 1;
                Ok(Expr::Number(n))
            }
            Some(Token::Ident(name))
                if matches!(name.as_str(), "sum" | "min" | "max")
                    && self.tokens.get(self.pos + 1).map(|t| &t.1) == Some(&Token::Open) =>
            {
                self.pos += 2;
                let list = match self.peek().cloned() {
                    Some(Token::Ident(list)) => list,
                    _ => {
                        return Err(ExprError {
                            at: self.at(),
                            message: format!("`{name}(…)` takes the name of a list placeholder"),
                        })
                    }
                };
                self.pos += 1;
                if self.peek() != Some(&Token::Close) {
                    return Err(ExprError {
                        at: self.at(),
                        message: "expected `)` after the list's name".into(),
                    });
                }
                self.pos += 1;
                Ok(match name.as_str() {
                    "min" => Expr::Min(list),
                    "max" => Expr::Max(list),
                    _ => Expr::Sum(list),
                })
            }
            Some(Token::Ident(name)) => {
                self.pos += 1;
                Ok(Expr::Var(name))
            }
            Some(Token::OpenRange) => self.range(),
            Some(Token::Open) => {
                self.pos += 1;
                let inner = self.sum()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(ExprError {
                        at: self.at(),
                        message: "expected `)`".into(),
                    });
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(_) => Err(ExprError {
                at,
                message: "expected a number, a placeholder or `(`".into(),
            }),
            None => Err(ExprError {
                at,
                message: "the expression ends too early".into(),
            }),
        }
    }
}

impl Parser {
    /// `[low, high]`: two constants, the first no greater than the second.
    fn range(&mut self) -> Result<Expr, ExprError> {
        let at = self.at();
        let bound = |parser: &mut Self, after: Token, what: &str| {
            parser.pos += 1;
            let n = match parser.peek() {
                Some(Token::Number(n)) => *n,
                _ => {
                    return Err(ExprError {
                        at: parser.at(),
                        message: format!("expected a number {what}"),
                    })
                }
            };
            parser.pos += 1;
            if parser.peek() != Some(&after) {
                return Err(ExprError {
                    at: parser.at(),
                    message: format!(
                        "expected `{}` after it",
                        if after == Token::Comma { "," } else { "]" }
                    ),
                });
            }
            Ok(n)
        };
        let low = bound(self, Token::Comma, "after `[`")?;
        let high = bound(self, Token::CloseRange, "after `,`")?;
        self.pos += 1;
        if low > high {
            return Err(ExprError {
                at,
                message: format!("the range [{low}, {high}] runs backwards"),
            });
        }
        Ok(Expr::Between(low, high))
    }
}

pub fn parse(text: &str) -> Result<CheckExpr, ExprError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        end: text.chars().count(),
        depth: 0,
    };
    let left = parser.sum()?;
    let comparison = match parser.peek() {
        Some(Token::Cmp(c)) => *c,
        _ => {
            return Err(ExprError {
                at: parser.at(),
                message: "expected a comparison (=, <=, >=, <, >)".into(),
            })
        }
    };
    parser.pos += 1;
    let right = parser.sum()?;
    if parser.pos < parser.tokens.len() {
        return Err(ExprError {
            at: parser.at(),
            message: "unexpected text after the expression".into(),
        });
    }
    Ok(CheckExpr {
        left,
        comparison,
        right,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_binds_tighter_than_a_minus() {
        let e = parse("-x ^ 2 = y").unwrap();
        assert!(
            matches!(e.left, Expr::Neg(ref inner) if matches!(**inner, Expr::Binary(Op::Pow, _, _)))
        );
        let e = parse("(1 + r) ^ n * 2 = y").unwrap();
        assert!(
            matches!(e.left, Expr::Binary(Op::Mul, ref a, _) if matches!(**a, Expr::Binary(Op::Pow, _, _)))
        );
    }

    #[test]
    fn a_range_is_a_constant_between_two_bounds() {
        let e = parse("base * [0.995, 1.005] = sum(parts)").unwrap();
        let expected = Expr::Between(Decimal::new(995, 3), Decimal::new(1005, 3));
        assert!(matches!(e.left, Expr::Binary(Op::Mul, _, ref b) if **b == expected));
        assert_eq!(e.vars(), ["base", "parts"]);
        let backwards = parse("x * [1.005, 0.995] = y").unwrap_err();
        assert!(backwards.message.contains("backwards"), "{backwards:?}");
        assert_eq!(backwards.at, 4);
        let open = parse("x * [0.995, 1.005 = y").unwrap_err();
        assert!(open.message.contains("`]`"), "{open:?}");
        assert!(parse("x * [a, 1] = y").is_err());
    }

    #[test]
    fn parses_a_per_capita_check() {
        let e = parse("total / population = per_capita").unwrap();
        assert_eq!(e.comparison, Comparison::Eq);
        assert_eq!(e.vars(), vec!["total", "population", "per_capita"]);
    }

    #[test]
    fn precedence_and_units() {
        let e = parse("a + b * 2 <= (c - d) ÷ 10000").unwrap();
        assert_eq!(e.comparison, Comparison::Le);
        match e.left {
            Expr::Binary(Op::Add, _, right) => {
                assert!(matches!(*right, Expr::Binary(Op::Mul, _, _)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sums_over_lists() {
        let e = parse("total = sum(parts)").unwrap();
        assert_eq!(e.right, Expr::Sum("parts".into()));
        assert_eq!(e.vars(), vec!["total", "parts"]);
        assert!(parse("total = sum(1)").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}a{} = b", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse(&deep).unwrap_err().message.contains("nests deeper"));
        let negated = format!("{}a = b", "-".repeat(100_000));
        assert!(parse(&negated)
            .unwrap_err()
            .message
            .contains("nests deeper"));
        let long = format!("a{} = b", " + a".repeat(100_000));
        assert!(parse(&long).unwrap_err().message.contains("terms in a row"));
    }

    #[test]
    fn errors_have_positions() {
        assert_eq!(parse("a + = b").unwrap_err().at, 4);
        assert_eq!(
            parse("a + b").unwrap_err().message,
            "expected a comparison (=, <=, >=, <, >)"
        );
        assert_eq!(
            parse("a = b $").unwrap_err(),
            ExprError {
                at: 6,
                message: "unexpected `$`".into()
            }
        );
    }
}
