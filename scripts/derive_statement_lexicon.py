#!/usr/bin/env python3
"""Derive lexicons/statements_cameo.tsv from the CAMEO verb dictionaries (MIT, Open Event Data Alliance).

Usage: python3 scripts/derive_statement_lexicon.py [CAMEO_DIR] > lexicons/statements_cameo.tsv
CAMEO_DIR defaults to ../shared/data/lexicons/petrarch2-cameo-phoenix.

How: every verb in SELECTED must be a primary verb of CAMEO.2.0.txt (or of the older
CAMEO.verbpatterns.150430.txt for the few that 2.0 lost, e.g. URGE). Its CAMEO code (the verb's own
[code], else its block's) gives the statement type through ROOT_TYPE; the verbs whose CAMEO code
does not say what a reader of the popup needs carry an override with the reason. Inflected forms are
generated here (CAMEO's irregular forms win), so the runtime only matches strings.
Bare WILL/WOULD are never selected (CAMEO 2.0 dropped them for "massively over-coding").
"""
import re
import sys
from pathlib import Path

SUB = "data/lexicons/petrarch2-cameo-phoenix"
DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else next(
    (p / SUB for p in (Path("../shared"), Path("../../shared"), Path("/work/shared")) if (p / SUB).is_dir()), Path(SUB))

# CAMEO root (first two digits, or a longer prefix) → (type, strength)
ROOT_TYPE = {
    "010": ("position", 0), "012": ("position", 0), "013": ("position", 0), "015": ("position", 0),
    "016": ("denial", 0), "017": ("position", 0),
    "02": ("demand", 2),            # make an appeal or request
    "03": ("commitment", 0),        # express intent to cooperate
    "050": ("commitment", 0),       # agree (engage in diplomatic cooperation)
    "051": ("position", 0),         # praise or endorse (PLOVER SUPPORT → position)
    "055": ("position", 0), "056": ("position", 0),
    "10": ("demand", 3),            # demand
    "110": ("accusation", 0), "111": ("accusation", 0), "112": ("accusation", 0), "114": ("accusation", 0),
    "12": ("rejection", 0),         # reject
    "13": ("threat", 0),            # threaten
}

# verb → None (type from its CAMEO code) or (type, strength, reason)
SELECTED = {
    # 01 make public statement: only verbs that report a view (not SEE, COUNT, SCATTER …)
    "SAY": None, "STATE": None, "DECLARE": None, "ANNOUNCE": None, "ASSERT": None, "STRESS": None,
    "EMPHASIZE": None, "EMPHASISE": None, "UNDERLINE": None, "UNDERSCORE": None, "REITERATE": None,
    "RESTATE": None, "REMARK": None, "COMMENT": None, "NOTE": None, "EXPLAIN": None, "PREDICT": None,
    "PROCLAIM": None, "ACKNOWLEDGE": None, "WORRY": None, "DOUBT": None,
    "REFUTE": ("denial", 0, "CAMEO 016 deny; the 110 copy is a duplicate entry"),
    "DENY": ("denial", 0, "REFUSE block, patterns [016] deny accusations/reports"),
    # 02 appeal
    "APPEAL": None, "ASK": None, "REQUEST": None, "BEG": None, "IMPLORE": None, "PLEAD": None,
    "PETITION": None, "SOLICIT": None, "URGE": None, "+CALL_FOR": None, "+CALL_ON": None, "+CALL_UPON": None,
    "BESEECH": None,
    "PROPOSE": ("demand", 1, "proposal: the weakest demand"), "SUGGEST": ("demand", 1, "proposal"),
    "RECOMMEND": ("demand", 1, "proposal"), "ADVISE": ("demand", 1, "proposal"), "ADVOCATE": ("demand", 1, "proposal"),
    "HOPE": ("position", 0, "design.md: hope is a position, not an appeal"),
    "REQUIRE": ("demand", 3, "a requirement is a demand (CALLED_FOR block codes it 020)"),
    # 03 intend to cooperate → commitment (not PLAN/EXPECT/DECIDE/WANT: intentions, not promises)
    "PROMISE": None, "PLEDGE": None, "OFFER": None, "PROFFER": None, "GUARANTEE": None, "ASSURE": None,
    "VOLUNTEER": None, "VOUCH": None, "INTEND": None,
    "VOW": ("commitment", 0, "VOW block has no code; its patterns split 03x/13x, a vow is a promise"),
    "SEEK": ("demand", 2, "CAMEO 030 'seek' as in seek talks; in news it mostly asks for something"),
    # 05 agree / endorse
    "AGREE": None, "SUPPORT": ("position", 0, "design.md: support is a position (PLOVER SUPPORT)"),
    "BACK": ("position", 0, "design.md: support is a position (PLOVER SUPPORT)"), "ENDORSE": None, "WELCOME": None, "PRAISE": None,
    "COMMEND": None, "APPLAUD": None, "HAIL": None, "FAVOR": None, "FAVOUR": None, "FORGIVE": None,
    "APOLOGIZE": None, "APOLOGISE": None, "DEFEND": ("position", 0, "PLOVER SUPPORT: defending an actor"),
    # 10 demand
    "DEMAND": None, "INSIST": None, "ORDER": None, "DECREE": None,
    "PRESS": ("demand", 2, "press for: pressure, weaker than demand"), "PUSH": ("demand", 2, "push for"),
    "EXHORT": ("demand", 2, "exhortation"), "ENTREAT": ("demand", 2, "entreaty"), "ADJURE": ("demand", 2, "entreaty"),
    # 11 disapprove
    "ALLEGE": None, "ACCUSE": None, "BLAME": None, "CHARGE": None, "FAULT": None, "CONDEMN": None,
    "CRITICIZE": None, "CRITICISE": None, "DENOUNCE": None, "DEPLORE": None, "CENSURE": None, "REBUKE": None,
    "CASTIGATE": None, "LAMBASTE": None, "DECRY": None, "DISPARAGE": None, "DERIDE": None, "SLAM": ("accusation", 0, "SLAM block has no code; its patterns are mostly [11x]"),
    "MOCK": None, "RIDICULE": None, "SCOLD": None, "BERATE": None, "CHIDE": None,
    "BLAST": ("accusation", 0, "CAMEO 190 explosion; as the cue of reported words ('blasted the decision') it is criticism"),
    "REPRIMAND": None, "CHASTISE": None, "COMPLAIN": None, "DISAPPROVE": None, "PROTEST": ("accusation", 0, "CAMEO 14 protest; reported in words it is criticism"),
    "CLAIM": ("position", 0, "CAMEO 110; a claim is a view, accusation only when its content says so"),
    "ARGUE": ("position", 0, "CAMEO 110; arguing a view"), "CONTEND": ("position", 0, "CAMEO 110; a view"),
    "INSIST": None,
    "OPPOSE": ("rejection", 0, "PLOVER REJECT codes 'is opposed to'"),
    "DISMISS": ("denial", 0, "design.md: dismiss an accusation or report"),
    "REBUFF": ("rejection", 0, "CAMEO 110 rebuff; refusing an approach"),
    "SPURN": ("rejection", 0, "CAMEO 110 spurn; refusing an approach"),
    "RENOUNCE": ("rejection", 0, "renouncing a claim or plan"),
    # 12 reject
    "REJECT": ("rejection", 0, "REFUSE block, patterns mostly [12x]"),
    "REFUSE": ("rejection", 0, "REFUSE block, patterns mostly [12x]"),
    "+RULE_OUT": ("rejection", 0, "REFUSE block, patterns mostly [12x]"),
    "DECLINE": None, "OBJECT": None, "DEFY": None, "VETO": ("rejection", 0, "CAMEO patterns code vetoing solutions [129]"),
    # 13 threaten
    "THREATEN": None, "WARN": None, "CAUTION": None,
}

# Coercive acts (CAMEO 16 reduce relations, 17 coerce): announced for the future ("will impose",
# "may halt", "plans to expel") they are threats (CAMEO 13x threaten to …); as past acts they are no
# statement at all. Blocks without a code are named with the pattern majority that justifies them.
COERCE = {
    "+CALL_OFF": None, "RESCIND": None, "BLACKLIST": None, "RESTRICT": None, "WITHHOLD": None, "BLOCK": None,
    "BLOCKADE": None, "BOYCOTT": None, "EMBARGO": None, "EXCLUDE": None, "IMPOSE": None, "REIMPOSE": None,
    "PENALIZE": None, "PUNISH": None, "+CRACK_DOWN": None, "CURB": None, "SEIZE": None, "ANNEX": None,
    "CONFISCATE": None, "BAN": None, "OUTLAW": None, "PROHIBIT": None, "FORBID": None, "EXPEL": None,
    "DEPORT": None, "+KICK_OUT": None, "ARREST": None, "PROSECUTE": None,
    "HALT": "CANCEL block, patterns mostly [16x]/[17x]", "SUSPEND": "CANCEL block, patterns mostly [16x]/[17x]",
    "CUT": "SEPARATE block, patterns mostly [16x]", "SEVER": "SEPARATE block, patterns mostly [16x]",
    "FREEZE": "FREEZE block, patterns [16x]", "TIGHTEN": "tighten a blockade or sanctions (CAMEO 17 coerce)",
}

# Derived nouns and adjectives are in statements_constructions.tsv.


def primaries(path):
    """verb → (code, irregular forms) for every primary verb line."""
    out = {}
    block_code = None
    for line in path.read_text(encoding="utf8").splitlines():
        m = re.match(r"^---\s+\S+\s*\[([^\]]*)\]", line)
        if m:
            block_code = m.group(1).split(":")[0].strip()
            continue
        if not line.strip() or line.startswith(("-", "#", "~", "&", "+ ")) or block_code is None:
            continue
        body = line.split("#")[0]
        w = re.match(r"^(\+?[A-Z][A-Z_\-+]*)", body)
        if not w:
            continue
        verb = w.group(1)
        own = re.search(r"\[([0-9:]+|---)\]", body)
        code = own.group(1).split(":")[0] if own else block_code
        irr = re.search(r"\{([^}]*)\}", body)
        forms = irr.group(1).replace(",", " ").split() if irr else []
        if verb in out and not out[verb][1]:
            out[verb] = (out[verb][0], forms)
        out.setdefault(verb, (code, forms))
    return out


def inflect(word):
    w = word.lower()
    if w.endswith("ee"):
        return [w, w + "s", w + "d", w + "ing"]
    if w.endswith("e"):
        return [w, w + "s", w + "d", w[:-1] + "ing"]
    if w.endswith("y") and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es", w + "ed", w + "ing"]
    if w in ("ban", "bar", "veto"):
        return {"ban": ["ban", "bans", "banned", "banning"], "bar": ["bar", "bars", "barred", "barring"],
                "veto": ["veto", "vetoes", "vetoed", "vetoing"]}[w]
    return [w, w + "s", w + "ed", w + "ing"]


def forms_of(verb, irregular):
    words = verb.split("_")
    head = next((i for i, x in enumerate(words) if x.startswith("+")), 0)
    words = [x.lstrip("+").lower() for x in words]
    if irregular and len(words) == 1:
        base = set([words[0]] + [f.lower() for f in irregular])
        return sorted(base, key=lambda f: (len(f), f))
    out = []
    for f in inflect(words[head]):
        out.append(" ".join(words[:head] + [f] + words[head + 1:]))
    return out


# verb → the gate its type needs (the lexicon's 8th column, src/statements/cues.rs `Gate`). `action`: the verb
# types only when its complement is an act ("asked Congress to act", "insisted on a vote", "suggested that
# Iran should …", "offered to mediate"), not a claim or a question ("insisted that he was innocent", "asked
# whether …", "offered his assessment", "assured that the claims are false"): those are positions. Chosen
# from typed-polnear (PolNeAR train: demand/ask 0.31, insist 0.25, suggest 0.09, offer 0.23, assure 0.00 of
# their typings right, scripts/eval_typing.py --by-rule).
# AGREE: "agreed to / on" is a commitment, "agreed that …" or "agrees with" a position (0.29 right). Not
# gated: OPPOSE (0.07 right on typed-polnear, where opposing a policy is a position; the diplomacy set types
# "opposed foreign intervention" a rejection, so the corpora disagree and design.md's rejection stands).
GATES = {"ASK": "action", "INSIST": "action", "SUGGEST": "action", "OFFER": "action", "ASSURE": "action",
         "AGREE": "action"}


def type_of(code):
    for k in sorted(ROOT_TYPE, key=len, reverse=True):
        if code.startswith(k):
            return ROOT_TYPE[k]
    return None


def main():
    new = primaries(DIR / "CAMEO.2.0.txt")
    old = primaries(DIR / "CAMEO.verbpatterns.150430.txt")
    print("# Statement cue verbs derived from the CAMEO verb dictionaries by scripts/derive_statement_lexicon.py.")
    print("# Source: openeventdata/petrarch2 @676801cd9cb2924bbbad09f86d15c9323e7097bf, data/dictionaries/")
    print("# CAMEO.2.0.txt (and CAMEO.verbpatterns.150430.txt for URGE, CALL_FOR/ON, REQUIRE, BESEECH).")
    print("# Copyright (c) 2015 Open Event Data Alliance, MIT licence: see LICENSE-CAMEO.txt beside this file.")
    print("# Do not edit by hand; edit the selection in the script and regenerate.")
    print("# id\tpattern\ttype\tstrength\tsource\tclass\tforms\t[gate]")
    seen = set()
    for verb, over in SELECTED.items():
        if verb in seen:
            continue
        seen.add(verb)
        if verb in new:
            code, irr = new[verb]
            src = "CAMEO.2.0"
        elif verb in old:
            code, irr = old[verb]
            src = "CAMEO.verbpatterns.150430"
        else:
            sys.exit(f"{verb} is not a primary verb of the CAMEO dictionaries")
        if over:
            typ, strength, _why = over
        else:
            t = type_of(code)
            if t is None:
                sys.exit(f"{verb} [{code}] has no statement type; give it an override")
            typ, strength = t
        pattern = verb.replace("+", "").replace("_", " ").lower()
        forms = forms_of(verb, irr)
        cid = typ + "/" + pattern.replace(" ", "-")
        gate = f"\t{GATES[verb]}" if verb in GATES else ""
        print(f"{cid}\t{pattern}\t{typ}\t{strength}\t{src}:{verb}[{code}]\tverb\t{'|'.join(forms)}{gate}")
    for verb, why in COERCE.items():
        if verb in new:
            code, irr = new[verb]
        elif verb in old:
            code, irr = old[verb]
        else:
            code, irr = "---", []
        if why is None and not code.startswith(("16", "17")):
            sys.exit(f"{verb} [{code}] is not a CAMEO 16/17 verb; give the reason")
        pattern = verb.replace("+", "").replace("_", " ").lower()
        forms = [f for f in forms_of(verb, irr) if not f.endswith(("s", "ed")) or f == pattern]
        cid = "threat/coerce-" + pattern.replace(" ", "-")
        print(f"{cid}\t{pattern}\tthreat\t0\tCAMEO.2.0:{verb}[{code}]\tcoerce\t{'|'.join(forms)}")


main()
