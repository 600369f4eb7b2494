//! Who may do what. Checked on the server for every action; the pages only hide
//! what a role cannot do, they never decide it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Committee member: reads.
    Viewer,
    /// Office staff: enters and submits figures.
    Editor,
    /// Leader: approves or returns figures, locks and unlocks a term.
    Approver,
    /// Manages accounts, terms and indicator definitions; may do everything.
    Admin,
}

/// An action that changes something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    EnterValues,
    SubmitValues,
    ReviewValues,
    LockTerm,
    /// Changing figures of a locked term.
    EditLockedTerm,
    ManageDefinitions,
    ManageUsers,
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "viewer" => Some(Role::Viewer),
            "editor" => Some(Role::Editor),
            "approver" => Some(Role::Approver),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    pub const ALL: [Role; 4] = [Role::Viewer, Role::Editor, Role::Approver, Role::Admin];

    pub fn may(self, action: Action) -> bool {
        match action {
            Action::EnterValues | Action::SubmitValues => self >= Role::Editor,
            Action::ReviewValues | Action::LockTerm => self >= Role::Approver,
            // Even an approver must unlock first: a locked term is closed to all.
            Action::EditLockedTerm => false,
            Action::ManageDefinitions | Action::ManageUsers => self == Role::Admin,
        }
    }
}

/// Where a value stands in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueState {
    Draft,
    Submitted,
    Approved,
    Returned,
}

impl ValueState {
    pub const ALL: [ValueState; 4] = [
        ValueState::Draft,
        ValueState::Submitted,
        ValueState::Approved,
        ValueState::Returned,
    ];

    pub fn parse(text: &str) -> Option<ValueState> {
        match text {
            "draft" => Some(ValueState::Draft),
            "submitted" => Some(ValueState::Submitted),
            "approved" => Some(ValueState::Approved),
            "returned" => Some(ValueState::Returned),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ValueState::Draft => "draft",
            ValueState::Submitted => "submitted",
            ValueState::Approved => "approved",
            ValueState::Returned => "returned",
        }
    }

    /// Submitting sends drafts and returned figures to review.
    pub fn can_submit(self) -> bool {
        matches!(self, ValueState::Draft | ValueState::Returned)
    }

    /// Only submitted figures are approved or returned.
    pub fn can_review(self) -> bool {
        self == ValueState::Submitted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_may_do_exactly_its_part() {
        use Action::*;
        let table = [
            (Role::Viewer, [false, false, false, false, false, false]),
            (Role::Editor, [true, true, false, false, false, false]),
            (Role::Approver, [true, true, true, true, false, false]),
            (Role::Admin, [true, true, true, true, true, true]),
        ];
        for (role, allowed) in table {
            let actions = [
                EnterValues,
                SubmitValues,
                ReviewValues,
                LockTerm,
                ManageDefinitions,
                ManageUsers,
            ];
            for (action, expected) in actions.iter().zip(allowed) {
                assert_eq!(role.may(*action), expected, "{role:?} {action:?}");
            }
            assert!(!role.may(EditLockedTerm));
        }
    }

    #[test]
    fn figures_move_draft_to_submitted_to_approved_or_returned() {
        assert!(ValueState::Draft.can_submit() && ValueState::Returned.can_submit());
        assert!(!ValueState::Approved.can_submit() && !ValueState::Submitted.can_submit());
        assert!(ValueState::Submitted.can_review());
        assert!(!ValueState::Draft.can_review() && !ValueState::Approved.can_review());
    }
}
