//! A term of the resolution (nhiệm kỳ), e.g. 2015–2020.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    start_year: i32,
    end_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TermError {
    #[error("the end year must come after the start year")]
    EndBeforeStart,
    #[error("years must lie between 1945 and 2200")]
    OutOfRange,
}

impl Term {
    pub fn new(start_year: i32, end_year: i32) -> Result<Term, TermError> {
        if !(1945..=2200).contains(&start_year) || !(1945..=2200).contains(&end_year) {
            return Err(TermError::OutOfRange);
        }
        if end_year <= start_year {
            return Err(TermError::EndBeforeStart);
        }
        Ok(Term {
            start_year,
            end_year,
        })
    }

    pub fn start_year(&self) -> i32 {
        self.start_year
    }

    pub fn end_year(&self) -> i32 {
        self.end_year
    }

    /// The years the term's plan covers. The congress sits in the start year and its
    /// resolution sets targets for the years that follow: 2015–2020 covers 2016…2020.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        (self.start_year + 1)..=self.end_year
    }

    pub fn year_count(&self) -> i32 {
        self.end_year - self.start_year
    }

    /// How many of the term's years have fully passed by `today_year`.
    pub fn years_elapsed(&self, today_year: i32) -> i32 {
        (today_year - 1 - self.start_year).clamp(0, self.year_count())
    }

    pub fn is_over(&self, today_year: i32) -> bool {
        today_year > self.end_year
    }

    /// "2015–2020".
    pub fn span(&self) -> String {
        format!("{}–{}", self.start_year, self.end_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_covers_the_years_after_its_congress() -> Result<(), TermError> {
        let t = Term::new(2015, 2020)?;
        assert_eq!(
            t.years().collect::<Vec<_>>(),
            vec![2016, 2017, 2018, 2019, 2020]
        );
        assert_eq!(t.year_count(), 5);
        assert_eq!(t.years_elapsed(2018), 2);
        assert_eq!(t.years_elapsed(2026), 5);
        assert_eq!(t.years_elapsed(2010), 0);
        assert!(t.is_over(2021));
        assert!(!t.is_over(2020));
        Ok(())
    }

    #[test]
    fn terms_that_end_before_they_start_are_refused() {
        assert_eq!(Term::new(2020, 2015), Err(TermError::EndBeforeStart));
        assert_eq!(Term::new(2020, 2020), Err(TermError::EndBeforeStart));
        assert_eq!(Term::new(1800, 2020), Err(TermError::OutOfRange));
    }
}
