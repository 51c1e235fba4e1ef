"""Whose number is it: the role and time reference of each number in a news sentence.

Wire copy about one event is full of numbers about other things: the week's total ("nearly 1,100
drones over the past week"), an earlier record ("the previous record salvo of 539"), the part of a
salvo that was shot down ("air defences downed 296"), a weapon's model name ("S-300"), a hypothetical
("could cause 1 to 100 deaths"), another incident ("Meanwhile, a strike on Kursk killed three").
Only the event's own counts may size it, so each number gets

* ``role``: ``event`` (counts this happening), ``intercepted`` (the fate of part of a salvo: shot
  down, jammed, lost, got through), ``model`` (part of a name: S-300, Kh-101, Shahed-136, 155mm) or
  ``other_event`` (another incident, a hypothetical, a comparison class such as "magnitude 6 or
  larger");
* ``time_ref``: ``this_event``, ``cumulative`` (a total over a longer period) or ``earlier`` (a
  figure of a past happening).

The reading is text-based and shared: the enrichment applies it to the counts it finds with spaCy
tokens and the classifier to the counts it reads from sentence text with its own patterns, so both
agree on which numbers are the event's. The cue phrases are data (``data/quantity_cues.yaml``); the
engine only knows the windows they are read in (see that file's header).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from herald.core import yaml_data
from herald.core.records import QuantityRole, TimeRef

_WINDOW = 90  # characters either side a cue is looked for
# "the Hamas-led attack of October 2023, in which about 1,200 people were killed": a clause opened by
# "in which" or "during which" is about the time of the thing before it, so it does not end that frame.
_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|as|whereas)\b|(?<!in\s)(?<!during\s)\b(?:that|which|who)\b")
# A relative clause belongs to the noun it follows: "a conflict that has taken more than 220,000 lives"
# is the conflict's toll, so the frame is read with that noun ("conflict that has taken").
_ANTECEDENT = re.compile(r"([\w-]+)\s+(?:that|which|who)$")
_LEAD_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b")
_RANGE = re.compile(r"^\s*(?:to|-|\u2013|or)\s*$")
_SALVO_UNITS = frozenset({"drones", "missiles"})  # "destroyed two aircraft on the ground" is damage


@dataclass(frozen=True)
class NumberContext:
    role: QuantityRole = "event"
    time_ref: TimeRef = "this_event"

    @property
    def is_event_count(self) -> bool:
        return self.role == "event" and self.time_ref == "this_event"


def _rx(text: str) -> re.Pattern[str]:
    """One expression from a YAML folded block: the spaces folding leaves are dropped (the cue files
    write every space as ``\\s``)."""
    return re.compile(re.sub(r"\s+", "", text))


@dataclass(frozen=True)
class Cues:
    intercepted_before: re.Pattern[str]
    whole_salvo: re.Pattern[str]
    intercepted_after: re.Pattern[str]
    launched_after: re.Pattern[str]
    cumulative: re.Pattern[str]
    period: re.Pattern[str]
    crisis_units: frozenset[str]
    earlier: re.Pattern[str]
    earlier_before: re.Pattern[str]
    now_before: re.Pattern[str]
    running_since: re.Pattern[str]
    lead_other: re.Pattern[str]
    lead_earlier: re.Pattern[str]
    lead_cumulative: re.Pattern[str]
    from_previous: re.Pattern[str]
    other_before: re.Pattern[str]
    other_after: re.Pattern[str]
    superlative: re.Pattern[str]
    coordination: re.Pattern[str]
    man_made_tremor: re.Pattern[str]
    seismic_before: re.Pattern[str]
    seismic_after: re.Pattern[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Cues:
        icp = data["intercepted"]
        gap = icp["noun_gap"]
        return cls(
            intercepted_before=_rx(
                rf"\b(?:{_rx(icp['before']).pattern})\s+(?:(?:a\s+further|another|"
                rf"at\s+least|more\s+than|about|some|nearly|almost|only)\s+)?$"
            ),
            whole_salvo=_rx(rf"(?:{_rx(icp['whole']).pattern})$"),
            intercepted_after=_rx(
                rf"^\s*(?:more\s+|of\s+them\s+|of\s+the\s+)?{gap}(?:{_rx(icp['after']).pattern})"
            ),
            launched_after=_rx(icp["launched_after"]),
            cumulative=_rx(rf"\b(?:{_rx(data['cumulative']['long']).pattern})"),
            period=_rx(rf"\b(?:{_rx(data['cumulative']['period']).pattern})"),
            crisis_units=frozenset(data["cumulative"]["crisis_units"]),
            earlier=_rx(rf"\b(?:{_rx(data['earlier']['either']).pattern})"),
            earlier_before=_rx(rf"\b(?:{_rx(data['earlier']['before']).pattern})"),
            now_before=_rx(data["earlier"]["now_before"]),
            running_since=_rx(data["earlier"]["running_since"]),
            lead_other=_rx(data["lead"]["other_event"]),
            lead_earlier=_rx(data["lead"]["earlier"]),
            lead_cumulative=_rx(data["lead"]["cumulative"]),
            from_previous=_rx(data["from_previous"]),
            other_before=_rx(rf"\b(?:{data['other_event']['before']})"),
            other_after=_rx(data["other_event"]["after"]),
            superlative=_rx(rf"\b(?:{data['superlative']})\b"),
            coordination=_rx(data["coordination"]),
            man_made_tremor=_rx(data["man_made_tremor"]),
            seismic_before=_rx(data["seismic_before"]),
            seismic_after=_rx(data["seismic_after"]),
        )


@cache
def cues() -> Cues:
    """The cue lists shipped with Herald, loaded on first use (not at import)."""
    text = resources.files("herald.core").joinpath("data/quantity_cues.yaml").read_text(encoding="utf-8")
    return Cues.from_data(yaml_data.load(text))


def separate_incident(sentence: str) -> int:
    """The length of an opener that turns a sentence to another incident ("Separately, ...",
    "Meanwhile, ..."), 0 if there is none: its numbers are not the previous sentence's event's."""
    m = cues().lead_other.search(sentence.lower())
    return m.end() if m else 0


def _may_cut(window: str) -> bool:
    """Whether ``_CLAUSE`` can match in ``window``: each of its branches needs one of these strings,
    and looking for them is much cheaper than running the expression."""
    return (
        "," in window
        or ";" in window
        or ":" in window
        or "that" in window
        or "which" in window
        or "who" in window
    )


def _clause_start(window: str, cut: re.Match[str]) -> int:
    """Where the clause a number is in starts in ``window``, given the last cut before it: a relative
    pronoun keeps the noun it hangs on, whose clause it continues."""
    m = _ANTECEDENT.search(window, 0, cut.end())
    return m.start(1) if m and m.end() == cut.end() else cut.end()


def _is_model(sentence: str, start: int, end: int) -> bool:
    """ "S-300", "Kh-101", "Tu-95", "Shahed-136/131", "Kh-59/69", "155mm": a name, not a count."""
    if start >= 2 and sentence[start - 1] in "-/" and sentence[start - 2].isalnum():
        return True
    tail = sentence[end : end + 3]
    return tail.startswith(("mm", "-mm", " mm ", "/")) and not tail.startswith("/ ")


def read_sentence(
    sentence: str, spans: Sequence[tuple[int, int]], units: Sequence[str] | None = None
) -> list[NumberContext]:
    """The context of each number of one sentence; ``spans`` are the numbers' character offsets in
    ``sentence`` (in order), ``units`` what each counts (salvo fates are only read for drones,
    missiles and aircraft)."""
    c = cues()
    low = sentence.lower()
    n = len(spans)
    units = list(units) if units else ["" for _ in spans]
    lead = low[: spans[0][0]] if spans else low
    lead_time: TimeRef = "this_event"
    lead_role: QuantityRole = "event"
    if c.lead_other.search(lead):
        lead_role = "other_event"
    comparison = bool(c.superlative.search(lead)) and "since" in lead
    # "the anniversary of rallies in 1990, and at least 10 people were killed": an earlier time named
    # in a clause of its own frames nothing after the ", and"
    joined = list(_LEAD_CLAUSE.finditer(lead))
    own_clause = lead[joined[-1].end() :] if joined else lead
    if c.lead_earlier.search(lead) or (c.earlier.search(own_clause) and not comparison):
        lead_time = "earlier"
    elif c.lead_cumulative.search(lead) and not comparison and c.cumulative.search(lead):
        lead_time = "cumulative"
    # "Over the past week, ...": a total for attacks, the event's own period for a crisis's counts
    lead_period = bool(c.lead_cumulative.search(lead) and c.period.search(lead)) and not comparison
    roles: list[QuantityRole] = []
    times: list[TimeRef] = []
    post_time: list[TimeRef | None] = []
    # "rose to 41 from 30": the earlier figure is that number's alone, no frame for a list after it
    previous_figures: set[int] = set()
    for i, (start, end) in enumerate(spans):
        prev_end = spans[i - 1][1] if i else 0
        next_start = spans[i + 1][0] if i + 1 < n else len(low)
        before = low[max(prev_end, start - _WINDOW) : start]
        after = low[end : min(next_start, end + _WINDOW)]
        role: QuantityRole = lead_role
        if _is_model(sentence, start, end):
            role = "model"
        elif (c.seismic_before.search(low[:start]) or c.seismic_after.search(low[end:])) and (
            c.man_made_tremor.search(low)
        ):
            role = "other_event"  # a blast's seismic reading, not an earthquake's magnitude
        elif role == "event":
            if units[i] in _SALVO_UNITS or not units[i]:
                launched = c.launched_after.search(after) is not None or bool(c.whole_salvo.search(before))
                if not launched and (
                    c.intercepted_before.search(before) or c.intercepted_after.search(after)
                ):
                    role = "intercepted"
            if c.other_before.search(before) or c.other_after.search(after):
                role = "other_event"
        time: TimeRef = lead_time
        if time == "earlier" and c.now_before.search(before):
            # "where they fought the rebels a day earlier, bringing the number killed to 31": the figure
            # as it stands now, whatever earlier time the sentence opened with
            time = "this_event"
        if time == "this_event" and lead_period and units[i] not in c.crisis_units:
            time = "cumulative"
        own: TimeRef | None = None
        if i and c.from_previous.search(low[prev_end:start]):
            own = "earlier"
            previous_figures.add(i)
        else:
            # A time phrase holds within its clause: "fuel prices that have tripled since May, and police
            # arrested 14" says nothing about when the 14 were arrested.
            clauses = list(_CLAUSE.finditer(before)) if _may_cut(before) else []
            near_before = before[_clause_start(before, clauses[-1]) :] if clauses else before
            cut = _CLAUSE.search(after) if _may_cut(after) else None
            near_after = after[: cut.start()] if cut else after
            for window, is_after in ((near_before, False), (near_after, True)):
                frames = [(c.earlier, "earlier"), (c.cumulative, "cumulative")]
                if units[i] not in c.crisis_units:
                    frames.append((c.period, "cumulative"))
                if not is_after:
                    frames.insert(0, (c.earlier_before, "earlier"))
                    if c.now_before.search(window):
                        # "... that swept Portugal eight days ago has risen to 45": the toll now (a
                        # running total "since the fighting began ... has climbed to" stays one)
                        frames = [f for f in frames if f[1] != "earlier"]
                for rx, ref in frames:
                    m = rx.search(window)
                    if m is None:
                        continue
                    if ref == "earlier" and c.running_since.search(window[: m.start()]):
                        continue  # "since the outbreak began a month ago": when a running count began
                    between = window[: m.start()] if is_after else window[m.end() :]
                    if c.superlative.search(between) and (
                        m.group(0).startswith("since") or re.search(r"since\s*$", window[: m.start()])
                    ):
                        continue  # "the most since the start of the war": a comparison, not a period
                    if (
                        own is None
                        and rx is c.earlier_before
                        and re.search(r"\b(?:up|down)\s+from\b", m.group(0))
                    ):
                        previous_figures.add(i)  # "killed 25, up from 17 first announced"
                    own = own or ref  # type: ignore[assignment]
        if own is not None:
            time = own
        roles.append(role)
        times.append(time)
        post_time.append(own)
    # A frame read on one member of a list holds for the list: "used more than 800 bombs, about 600
    # drones and almost 20 missiles over the past week"; "shot down 296 drones and seven missiles".
    for i in range(1, n):
        gap = low[spans[i - 1][1] : spans[i][0]]
        if _RANGE.match(gap):  # "1 to 100", "400-500": one amount
            roles[i], times[i] = roles[i - 1], times[i - 1]
            continue
        # "shot down 56 drones ...: 11 over the Belgorod region, 28 over Voronezh": a breakdown after a
        # colon counts parts of the number before it, with its fate
        breakdown = ":" in gap and ";" not in gap
        if not c.coordination.search(gap) and not breakdown:
            continue
        if roles[i - 1] == "intercepted" and roles[i] == "event":
            roles[i] = "intercepted"
        if times[i] == "this_event" and times[i - 1] != "this_event" and i - 1 not in previous_figures:
            times[i] = times[i - 1]
    for i in range(n - 2, -1, -1):
        gap = low[spans[i][1] : spans[i + 1][0]]
        frame = post_time[i + 1]
        if c.coordination.search(gap) and times[i] == "this_event" and frame is not None:
            times[i] = post_time[i] = frame  # and on to the member before it
    return [NumberContext(r, t) for r, t in zip(roles, times, strict=True)]
