"""The red-flag screen: the questions an interview must ask before it may close.

A red flag is *settled* when it has fired or can no longer fire: an `all_of` finding answered no
or don't know, every askable `any_of` finding answered no or don't know, or the age rules it out.
Four kinds of must-ask question, most pressing first:

1. follow-up: a finding that settles an open red flag already *triggered* (one of its findings
   answered yes); examination tests included in clinician mode. Asked at once, except a screen
   finding whose tick list is still due: the list asks it next (on the same page), so a location
   answer that triggers a flag (fever with buttock pain) does not push its item ahead of the list.
2. screen item: a screen finding (one with a `screen_group`) of a group *expanded* (its tick list
   answered "not sure", or, in sessions from before tick lists, answered yes or don't know as a
   whole): asked one by one.
3. screen group: one tick list (screen_groups.yaml) showing every unasked member in plain words,
   while any member is unasked. The person ticks each that applies: a ticked member is yes, an
   unticked member of the submitted list is no. That is the accepted clinical convention for
   screening checklists ("tick any that apply" - "none of these"), and it settles the same flags
   the members' own answers would; one question settles a group even when a member is yes.
   "Not sure" records the ticks only and expands the group into its members (kind 2).
4. settle: a patient-answerable finding that settles an untriggered open flag which has no screen
   finding left to ask and needs no examination (`onset_fall` from age 70, `pain_sit_bone` for
   adolescents).

Within a flag, `all_of` findings come before `any_of` ones, because one no settles it. A flag is
*covered* when this screen is certain to settle it before the interview closes (it has a screen
finding in `all_of`, only screen findings in `any_of`, or needs no examination); a patient with a
covered red flag is never closed without it asked (a tick list showing the flag's finding counts
as asked: unticked is no, ticked fires it, and "not sure" asks it on its own). In clinician mode
the examination screen group covers the examination-only flags (reduced perianal sensation,
sacral tenderness, a palpable hamstring gap, marked hamstring weakness, ...). Everything works on
batches: arrays of N interviews over the question bank's K positions and its G screen groups.

A rule's `none_of` (a benign explanation already established) is not modelled here: the screen
treats such a flag as able to fire, so it may ask more, never less, than triage needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hipdx.interview.bank import BoolArray, IntArray, QuestionBank
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import RedFlagId, TriageLevel

NO_AGE_LIMIT = 1000


@dataclass(frozen=True)
class RedFlagTable:
    """The red-flag rules that can fire in one mode, over bank positions (R flags, K positions).

    A flag is kept when all its `all_of` findings are askable and, if it has `any_of` findings,
    at least one of them is; `any_of` is restricted to the askable ones.
    """

    ids: tuple[RedFlagId, ...]
    emergency: BoolArray
    """(R,) the flag sets triage to emergency."""
    all_of: BoolArray
    """(R, K)."""
    any_of: BoolArray
    """(R, K)."""
    age_at_least: IntArray
    """(R,) 0 when the flag has no lower age limit."""
    age_below: IntArray
    """(R,) NO_AGE_LIMIT when the flag has no upper age limit."""
    proactive: BoolArray
    """(R,) settled by patient questions even untriggered: every `all_of` finding is
    patient-answerable, and so is some `any_of` finding if it has any."""
    covered: BoolArray
    """(R,) the screen is certain to settle the flag before the interview closes."""
    positions: IntArray
    """(P,) the bank positions any flag uses or the screen asks; the screen looks at no other."""

    @property
    def has_age_rule(self) -> BoolArray:
        """(R,) the flag has an age condition."""
        rule: BoolArray = (self.age_at_least > 0) | (self.age_below < NO_AGE_LIMIT)
        return rule

    def __len__(self) -> int:
        return len(self.ids)


def red_flag_table(kb: KnowledgeBase, bank: QuestionBank) -> RedFlagTable:
    """The red flags of `kb` that an interview over `bank` can fire."""
    kept = []
    for flag in kb.red_flags.values():
        rule = flag.when
        any_askable = [f for f in rule.any_of if f in bank.position]
        if all(f in bank.position for f in rule.all_of) and (not rule.any_of or any_askable):
            kept.append((flag, any_askable))
    width = len(bank)
    all_of = np.zeros((len(kept), width), dtype=np.bool_)
    any_of = np.zeros((len(kept), width), dtype=np.bool_)
    for row, (flag, any_askable) in enumerate(kept):
        all_of[row, [bank.position[f] for f in flag.when.all_of]] = True
        any_of[row, [bank.position[f] for f in any_askable]] = True
    has_any = any_of.any(axis=1)
    proactive = ~(all_of & ~bank.patient).any(axis=1) & (~has_any | (any_of & bank.patient).any(1))
    positions = np.flatnonzero(all_of.any(axis=0) | any_of.any(axis=0) | bank.screen)
    screened_all = (all_of & bank.screen).any(axis=1)
    screened_any = has_any & ~(any_of & ~bank.screen).any(axis=1)
    return RedFlagTable(
        ids=tuple(flag.id for flag, _ in kept),
        emergency=np.array([f.urgency is TriageLevel.EMERGENCY for f, _ in kept], dtype=np.bool_),
        all_of=all_of,
        any_of=any_of,
        age_at_least=np.array([f.when.age_at_least or 0 for f, _ in kept], dtype=np.int64),
        age_below=np.array(
            [NO_AGE_LIMIT if f.when.age_below is None else f.when.age_below for f, _ in kept],
            dtype=np.int64,
        ),
        proactive=proactive,
        covered=proactive | screened_all | screened_any,
        positions=positions,
    )


@dataclass(frozen=True)
class ScreenState:
    """Where the red-flag screen stands for a batch of N interviews."""

    fired: BoolArray
    """(N, R) the flag has fired."""
    follow_up: BoolArray
    """(N, K) unasked findings that settle a triggered open flag: ask at once."""
    screen: BoolArray
    """(N, K) unasked screen findings to ask one by one (their group is expanded)."""
    groups: BoolArray
    """(N, G) screen groups still to ask as a tick list (some member unasked, not expanded)."""
    settle: BoolArray
    """(N, K) unasked patient findings that settle an untriggered open flag."""
    emergency: BoolArray
    """(N,) an emergency red flag has fired."""

    @property
    def must_ask(self) -> BoolArray:
        """(N, K) every question the screen still requires."""
        pending: BoolArray = self.follow_up | self.screen | self.settle
        return pending

    @property
    def complete(self) -> BoolArray:
        """(N,) nothing left to ask for the screen, group questions included."""
        done: BoolArray = ~self.must_ask.any(axis=1) & ~self.groups.any(axis=1)
        return done


def _uses(flags: BoolArray, table: BoolArray) -> BoolArray:
    """(N, R) flags x (R, K) table -> (N, K): some chosen flag uses the position."""
    product: BoolArray = (flags.astype(np.float32) @ table.astype(np.float32)) > 0.0
    return product


def screen_state(
    table: RedFlagTable,
    bank: QuestionBank,
    yes: BoolArray,
    asked: BoolArray,
    age: IntArray,
    expanded: BoolArray | None = None,
) -> ScreenState:
    """Evaluate the red-flag screen for a batch.

    Args:
        table: the mode's red-flag rules.
        bank: the mode's question bank.
        yes: (N, K) the finding was answered yes.
        asked: (N, K) the finding has an answer (yes, no or don't know).
        age: (N,) age in years, -1 when unknown (an unknown age never rules a flag out).
        expanded: (N, G) the group's tick list was answered "not sure" (None: none was).
    """
    if expanded is None:
        expanded = np.zeros((len(yes), len(bank.groups)), dtype=np.bool_)
    # Only positions some flag or the screen uses matter: work on those, widen at the end.
    cols = table.positions
    yes, asked = yes[:, cols], asked[:, cols]
    all_of, any_of = table.all_of[:, cols], table.any_of[:, cols]
    yes_f = yes.astype(np.float32)
    ruled_out = (asked & ~yes).astype(np.float32)
    all_t = all_of.T.astype(np.float32)
    any_t = any_of.T.astype(np.float32)
    has_any = table.any_of.any(axis=1)

    all_missing = ((1.0 - yes_f) @ all_t) > 0.0
    any_yes = (yes_f @ any_t) > 0.0
    all_blocked = (ruled_out @ all_t) > 0.0
    any_blocked = has_any & ~(((1.0 - ruled_out) @ any_t) > 0.0)

    known = age[:, None] >= 0
    in_range = (age[:, None] >= table.age_at_least) & (age[:, None] < table.age_below)
    age_fires = ~table.has_age_rule | (known & in_range)
    age_possible = ~table.has_age_rule | ~known | in_range

    fired = ~all_missing & (~has_any | any_yes) & age_fires
    open_ = ~fired & ~all_blocked & ~any_blocked & age_possible
    triggered = (yes_f @ (all_t + any_t)) > 0.0
    awaiting_any = ~all_missing & ~any_yes

    def needed(flags: BoolArray) -> BoolArray:
        return _uses(flags, all_of) | _uses(flags & awaiting_any, any_of)

    unasked = ~asked
    members = bank.members[:, cols].astype(np.float32)
    on_list = unasked & bank.screen[cols] & ~((expanded.astype(np.float32) @ members) > 0.0)
    follow_up = needed(open_ & triggered) & unasked & ~on_list
    pending = unasked & bank.screen[cols] & ~follow_up
    screen_left = (pending.astype(np.float32) @ (all_t + any_t)) > 0.0
    untriggered = open_ & ~triggered & ~screen_left & table.proactive
    settle = needed(untriggered) & unasked & bank.patient[cols] & ~follow_up & ~pending

    member_pending = (pending.astype(np.float32) @ members.T) > 0.0
    groups = member_pending & ~expanded
    in_group = (groups.astype(np.float32) @ members) > 0.0
    screen = pending & ~in_group
    return ScreenState(
        fired=fired,
        follow_up=_widen(follow_up, cols, len(bank)),
        screen=_widen(screen, cols, len(bank)),
        groups=groups,
        settle=_widen(settle, cols, len(bank)),
        emergency=(fired & table.emergency).any(axis=1),
    )


def _widen(narrow: BoolArray, cols: IntArray, width: int) -> BoolArray:
    """(N, P) over `cols` -> (N, K), False elsewhere."""
    wide = np.zeros((narrow.shape[0], width), dtype=np.bool_)
    wide[:, cols] = narrow
    return wide
