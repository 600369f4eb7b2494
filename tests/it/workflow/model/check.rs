//! The model of the walk's figures and the invariants checked after every round,
//! against the history the API shows, the database, and the answers people got.
//!
//! The review rules, as `src/db/entry.rs` and `src/db/review.rs` apply them:
//! - a save (form, import, API) turns any figure (none, draft, submitted, approved,
//!   returned) into a draft and moves its version by one; a save of exactly what is
//!   stored changes nothing and writes no entry (the second post of a double click);
//!   a save claiming a version that is not the stored one is a conflict;
//! - "Gửi duyệt" sends the drafts of the year: draft → submitted (never a returned one);
//! - "Gửi lại" and the API's submit send one figure: draft or returned → submitted;
//! - approve and return decide a submitted figure: submitted → approved | returned,
//!   and nobody approves a figure they saved last (separation of duties);
//! - a locked term refuses every change of its figures.

use super::actions::{Act, Outcome};
use resolution_dashboard::domain::ValueState;
use std::collections::HashMap;

/// A figure as the model knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fig {
    pub value: String,
    pub state: ValueState,
    pub version: i64,
    /// Who saved it last ("" when the walk did not see it).
    pub saver: String,
}

/// One entry of the history.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub id: i64,
    pub indicator: Option<i64>,
    pub username: String,
    pub action: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// What the database holds after a round.
pub(super) struct Stored {
    pub figs: HashMap<i64, (String, ValueState, i64)>,
    pub locked: bool,
    pub audits: i64,
}

#[derive(Debug, Default)]
pub(super) struct Model {
    pub figs: HashMap<i64, Fig>,
    pub locked: bool,
    pub last_id: i64,
    pub audits: i64,
}

impl Model {
    /// The model of what is stored now (before the walk).
    pub fn from(stored: &Stored, last_id: i64) -> Model {
        let figs = stored.figs.iter().map(|(id, (value, state, version))| {
            let saver = String::new();
            (
                *id,
                Fig {
                    value: value.clone(),
                    state: *state,
                    version: *version,
                    saver,
                },
            )
        });
        Model {
            figs: figs.collect(),
            locked: stored.locked,
            last_id,
            audits: stored.audits,
        }
    }

    /// Checks one round: its answers, the new history `entries` and what is stored
    /// now; then the model takes the round's changes.
    pub fn round(
        &mut self,
        outcomes: &[Outcome],
        mut entries: Vec<Entry>,
        stored: &Stored,
    ) -> Result<(), String> {
        if let Some(o) = outcomes.iter().find(|o| o.unexpected.is_some()) {
            return Err(format!(
                "an answer no rule allows to {} {:?}: {}",
                o.who.name(),
                o.act,
                o.unexpected.as_deref().unwrap_or_default()
            ));
        }
        entries.sort_by_key(|e| e.id);
        // 5. Exactly one entry per acknowledged change, none elsewhere.
        let grown = stored.audits - self.audits;
        if grown != entries.len() as i64 {
            return Err(format!(
                "invariant 5: the audit log grew by {grown} entries, the figures' and the term's histories by {}",
                entries.len()
            ));
        }
        let mut matched: Vec<Vec<&Entry>> = vec![Vec::new(); outcomes.len()];
        for e in &entries {
            let Some(n) = outcomes.iter().position(|o| o.who.name() == e.username) else {
                return Err(format!(
                    "invariant 6: {e:?} by someone who did nothing this round"
                ));
            };
            let o = &outcomes[n];
            if !o.acked {
                return Err(format!(
                    "invariant 6: {} was refused ({:?}) yet wrote {e:?}",
                    o.who.name(),
                    o.statuses
                ));
            }
            let figure = e.indicator.zip(e.new_value.clone());
            let saved = |w: &super::actions::Write| Some((w.indicator, w.value.clone())) == figure;
            let fits = e.action == o.action
                && o.target.is_none_or(|t| e.indicator == Some(t))
                && (o.action != "value.save" || o.writes.iter().any(saved));
            if !fits {
                return Err(format!("invariant 5: {e:?} is not what {:?} does", o.act));
            }
            matched[n].push(e);
        }
        for (o, got) in outcomes.iter().zip(&matched) {
            if got.len() != o.changes {
                return Err(format!(
                    "invariant 5: {} {:?} was answered {:?} ({} change(s) announced) but the history has {} entries for it: {got:?}",
                    o.who.name(),
                    o.act,
                    o.statuses,
                    o.changes,
                    got.len()
                ));
            }
            // 1. Every acknowledged save is in the history.
            if o.acked && o.action == "value.save" {
                for w in &o.writes {
                    let found = got.iter().any(|e| {
                        e.indicator == Some(w.indicator) && e.new_value.as_deref() == Some(&w.value)
                    });
                    if !found {
                        return Err(format!(
                            "invariant 1: {} was told {:?} was saved; the history does not have {w:?}",
                            o.who.name(),
                            o.statuses
                        ));
                    }
                }
            }
        }
        // 4. A term locked all round changes nothing and refuses every write.
        let unlocked = outcomes
            .iter()
            .any(|o| o.acked && matches!(o.act, Act::Lock(false)));
        let locked_all_round = self.locked && !unlocked;
        if let Some(o) = outcomes
            .iter()
            .find(|o| locked_all_round && o.acked && o.action.starts_with("value."))
        {
            return Err(format!(
                "invariant 4: the locked term took {:?} from {} ({:?})",
                o.act,
                o.who.name(),
                o.statuses
            ));
        }
        // 3. A refusal as one's own figure only when one saved it last.
        for o in outcomes.iter().filter(|o| o.own_figure) {
            let last = o
                .target
                .and_then(|t| self.figs.get(&t))
                .map(|f| f.saver.as_str());
            if last != Some(o.who.name()) {
                return Err(format!(
                    "invariant 3: {} was refused {:?} as their own figure, saved last by {last:?}",
                    o.who.name(),
                    o.act
                ));
            }
        }
        for e in &entries {
            let o = outcomes
                .iter()
                .find(|o| o.who.name() == e.username)
                .expect("matched above");
            self.replay(e, o)?;
        }
        self.audits = stored.audits;
        self.last_id = entries.last().map_or(self.last_id, |e| e.id);
        // 1, 2. The figures stored are the model's: each the last acknowledged save,
        // in the state the allowed moves lead to, one version per entry.
        for (id, fig) in &self.figs {
            let held = stored.figs.get(id);
            if held != Some(&(fig.value.clone(), fig.state, fig.version)) {
                return Err(format!(
                    "invariant 1: figure {id} is stored as {held:?}, its history says {fig:?}"
                ));
            }
        }
        if stored.figs.len() != self.figs.len() || stored.locked != self.locked {
            return Err(format!(
                "invariant 4: stored {} figures, locked {}; the history says {} figures, locked {}",
                stored.figs.len(),
                stored.locked,
                self.figs.len(),
                self.locked
            ));
        }
        Ok(())
    }

    /// One entry of the history, in order: the move it makes must be allowed.
    fn replay(&mut self, e: &Entry, o: &Outcome) -> Result<(), String> {
        let id = e.indicator.unwrap_or(0);
        let before = self.figs.get(&id).cloned();
        let state = before.as_ref().map(|f| f.state);
        let illegal = |rule: &str| {
            Err(format!(
                "invariant 2: {} {:?} moved figure {id} from {before:?} ({rule}): {e:?}",
                o.who.name(),
                o.act
            ))
        };
        let step = |f: &Fig, state: ValueState| Fig {
            state,
            version: f.version + 1,
            ..f.clone()
        };
        let after = match (e.action.as_str(), &before) {
            ("term.lock" | "term.unlock", _) => {
                self.locked = e.action == "term.lock";
                return Ok(());
            }
            ("value.save", _) => {
                if e.old_value != before.as_ref().map(|f| f.value.clone()) {
                    return illegal("the entry's old value is not the figure's");
                }
                let version = before.as_ref().map_or(0, |f| f.version);
                let write = o.writes.iter().find(|w| {
                    Some(w.indicator) == e.indicator && Some(&w.value) == e.new_value.as_ref()
                });
                if let Some(claimed) = write.and_then(|w| w.expected)
                    && claimed != version
                {
                    return Err(format!(
                        "invariant 1 (no silent overwrite): {} saved {:?} over version {version} of figure {id} while claiming version {claimed}; the stale save was acknowledged ({:?}) instead of refused",
                        o.who.name(),
                        e.new_value,
                        o.statuses
                    ));
                }
                Fig {
                    value: e.new_value.clone().unwrap_or_default(),
                    state: ValueState::Draft,
                    version: version + 1,
                    saver: e.username.clone(),
                }
            }
            ("value.submit", Some(f)) => match (state, &o.act) {
                (Some(ValueState::Draft), _) => step(f, ValueState::Submitted),
                (Some(ValueState::Returned), Act::Resubmit(..) | Act::ApiSubmit(..)) => {
                    step(f, ValueState::Submitted)
                }
                _ => return illegal("only a draft, or a returned figure sent alone, is submitted"),
            },
            ("value.approve", Some(f)) if state == Some(ValueState::Submitted) => {
                if f.saver == e.username {
                    return Err(format!(
                        "invariant 3: {} approved figure {id}, which they saved last",
                        e.username
                    ));
                }
                step(f, ValueState::Approved)
            }
            ("value.return", Some(f)) if state == Some(ValueState::Submitted) => {
                step(f, ValueState::Returned)
            }
            _ => return illegal("only a submitted figure is approved or returned"),
        };
        self.figs.insert(id, after);
        Ok(())
    }
}
