#!/usr/bin/env python3
"""Rebuilds tests/data/meqsum-tuning.tsv and meqsum-heldout.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_meqsum_sets.py MEQSUM_XLSX

MEQSUM_XLSX: ``MeQSum_ACL2019_BenAbacha_Demner-Fushman.xlsx`` of abachaa/MeQSum
(CC BY 4.0; commit 51e36cf used): 1,000 consumer health questions people sent
to the U.S. National Library of Medicine, as they wrote them (column CHQ), each
with a one-line summary written by medical experts (column Summary).

Which are kept is decided by ``SUBJECTS`` on the question and its summary,
never by reading the questions: the content's conditions and symptoms (MS,
ALS, myasthenia gravis, spasms, cramps, spasticity, twitching, dystonia,
neuropathy, muscle weakness, neuromuscular, motor neurone) and its treatments
(physical therapy, wheelchairs): 38 of 1,000. Each of the 38 was then read
and labelled by hand against content/ (session 23, branch scope24), in
``LABELS``: the entries that answer it, or ``-`` when the content does not
cover it (another disease, a named drug or operation it never mentions...),
so it must be declined. The question is the writer's own words trimmed to the
clauses that ask and say what about (greetings, names, contact details and
the story around it left out; spelling and capitals kept): an e-mail of 150
words is not a spoken question.

Split by the first byte of the SHA-1 of MeQSum's file name (even: tuning).
"""

from __future__ import annotations

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SUBJECTS = re.compile(
    r"\b(ms|m\.s\.|multiple sclerosis|als|amyotrophic|lou gehrig|myasthenia|spasm\w*|cramp\w*|"
    r"twitch\w*|spastic\w*|neuromuscular|motor neuron\w*|muscle weakness|dystonia|neuropathy|"
    r"physical therap\w*|wheelchair)\b", re.IGNORECASE)
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
CURE = "is-there-a-cure-for-neuromuscular-disorders"
#: MeQSum file -> (the question, trimmed; the entries that answer it, or "-").
LABELS: dict[str, tuple[str, str]] = {
    "12706.txt": ("I was diagnose with TOS in my left shoulder was told surgery would help my "
                  "problem. just wondering if the stats our good percentage wise for surgery "
                  "results", "-"),
    "11588.txt": ("My Brother have spinal cord problem his both legs he cannot move them he had "
                  "urinaire infection after the other I want to help him what he should do", "-"),
    "NF_177.txt": ("My wife has Systemic Lupus and is already taking Potassium Chloride and "
                   "Gatoraid every day but still gets SEVERE leg cramps. What can she do to stop "
                   "or help stop the cramps?",
                   f"{LIFESTYLE}|dietary-adjustments|treatment-approaches-for-long-term-management"
                   "|medication"),
    "1-131054425.xml.txt": ("whenever I eat ANYTHING within 10-15 minutes I start having slight "
                            "stomach cramps and I have to rush to the bathroom - what's causing "
                            "this?", "-"),
    "NF_68.txt": ("Coronary Artery Spasms. Can a Pacemaker help prevent these spasms?", "-"),
    "1-118317295.xml.txt": ("I have peripheral neuropathy but not diabetes. Will pregabalin help "
                            "with the pain?", "-"),
    "1-134864077.xml.txt": ("My wife is being diagnosed with ALS for the last 2 years. I heard "
                            "that this TYSABRI injection can be of great help in my wife,s case. "
                            "Please advice", "-"),
    "1-131875392.xml.txt": ("My father has MS, and my mother's sister has been diagnosised with "
                            "ALS. I was wondering if that would have any bearing on why my "
                            "Fibromyalgia is hit me so hard.", "-"),
    "1-131570427.xml.txt": ("What drugs should I avoid as I have CMT periphical neuropathy.", "-"),
    "1-131993767.xml.txt": ("I also am asking if there are any antidotes to the muscle weakness "
                            "he has from the steroids.", "-"),
    "1-130891096.xml.txt": ("my dr.wrote a script for lipoderm patch for my neuropathy. I wish to "
                            "know why it was denied and if there is a generic I could get", "-"),
    "1-121774929.xml.txt": ("I have Multiple Sclerosis, and there is much talk in the media about "
                            "C. perfringens being a trigger for Multiple Sclerosis. could you "
                            "kindly recommend a remedy that will address this bacteria?", "-"),
    "1-123381555.xml.txt": ("Can arteries in any part of the body spasm or is this only possible "
                            "with coronary arteries?", "-"),
    "12281.txt": ("I have ascites on my liver. And I am scared because I don't know what I'm "
                  "supposed to do.", "-"),
    "1-135508445.xml.txt": ("i would love to find out more about dystonia i have it for i think a "
                            "year and i wanna know if it will ever go away and will i ever be "
                            "able to play sports again?", f"{CURE}|impact-on-daily-life"),
    "5284.txt": ("I am looking for a type of physician that specializes in treating leg cramps "
                 "in the elderly. What medical specialty is that called?",
                 "when-should-someone-seek-medical-attention-for-muscle-spasms"
                 "|diagnosis-and-medical-evaluations"),
    "1-136060675.xml.txt": ("what can happen after Microfracture Surgery if no physical therapy "
                            "is prescribed", "-"),
    "1-131338005.xml.txt": ("I am wondering if anyone can help me get my voice back. I have ALS "
                            "in my throat and I don't want to go out on a disability. I want to "
                            "keep working.", "impact-on-daily-life"),
    "14349.txt": ("Can u give me more information about physiotherapy for patient with acute "
                  "stroke treated wiht trombolysis..?", "-"),
    "1-133694227.xml.txt": ("my wife has Dopa-responsive dystonia- (DYT 5) and retinitis "
                            "pigmentosa. WE are "
                            "wanting to start a family and want to know how Dopa-responsive "
                            "dystonia- (DYT 5) and retinitis pigmentosa may effect the child or "
                            "my wife", "-"),
    "16019.txt": ("Is there something available about Phisiotherapy specific for ankle "
                  "arthritis?", "-"),
    "1-137137005.xml.txt": ("Stiff person Syndrome. Please can you tell me what are the early "
                            "symptoms", "-"),
    "11771.txt": ("My wife suffers from MS since 1991. I would like to consider more info on the "
                  "stem cell research",
                  "recent-advancements-and-research"
                  "|what-recent-breakthroughs-offer-hope-for-treatment"),
    "1-121798454.xml.txt": ("I was diagnosed with per.neuropathy I was then 2009 diagnosed with "
                            "M.S. Do u "
                            "think I shld have been advised not to have had the bunion "
                            "operation.", "-"),
    "1-132048350.xml.txt": ("seeking help for Ulceratice colitis. My mother is suffering from this "
                            "diseases from last 3 Years.", "-"),
    "1-133734655.xml.txt": ("I weaned myself off last year, and when I finally got to zero I "
                            "started having these leg spasms, is this from the morphine? What can "
                            "I do? Is this ever going to stop?",
                            f"causes-and-risk-factors|{LIFESTYLE}"
                            "|treatment-approaches-for-long-term-management"),
    "1-131436545.xml.txt": ("I have neuropathy in my feet and hands and it keeps me up at night. "
                            "What else would you recommend that I take to help me sleep?", "-"),
    "16799.txt": ("Where is there a rehab that can treat with physical therapy, from paralysis, "
                  "with my 29 yr. old daughter with downs?", "-"),
    "1-123669415.xml.txt": ("I've been bleeding for almost 9 long years. severe vaginal pain, "
                            "cramping, heavy bleeding. what should I do", "-"),
    "1-134762947.xml.txt": ("i was diagnosed with MG. i dont want to pass on this disease to my "
                            "kids. is it genetic or do the antobodies pass on from pregnant "
                            "mother to the foetus?",
                            "are-neuromuscular-disorders-hereditary|causes-and-risk-factors"),
    "11755.txt": ("I have a rare case of Femoral Neuropathy. Could you PLEASE help with resources "
                  "to find a specialist.", "-"),
    "1-135443415.xml.txt": ("Like to know more about Degenerative Bone &Disk Disease..I'm losing "
                            "muscle in my legs", "-"),
    "1-134274075.xml.txt": ("I am suffering from demylination sensorimotor neuropathy and need "
                            "help. I am willing to try anything.", "-"),
    "1-132513437.xml.txt": ("my brother has MS Im searching for something that can help him. Can "
                            "you please let me know if there is something that can help.",
                            "treatment-approaches-for-long-term-management|" + LIFESTYLE
                            + "|coping-strategies-for-individuals-and-caregivers|medication"),
    "12751.txt": ("Do you believe that there will ever be a bonafide cure for Multiple Sclerosis? "
                  "If so, what kind of time frame would put on this cure?",
                  f"{CURE}|recent-advancements-and-research"
                  "|what-recent-breakthroughs-offer-hope-for-treatment"),
    "1-136123356.xml.txt": ("If you already have medical drugs to cure and restore my smell sense "
                            "kindly give information", "-"),
    "11.txt": ("Do you have any more indepth information regarding pseudocholinesterace "
               "deficiency? we both have systemic muscle spasms.", "-"),
    "1-131298135.xml.txt": ("LOOKING FOR HELP FOR MY NEPHEW WITH GLYCOGEN STORAGE DISEASE. HE HAS "
                            "BEEN HOSPITALIZED FOR SEVERE CRAMPING", "-"),
}


def rows(path: Path) -> list[list[str]]:
    """The first sheet's rows (cells in column order), standard library only."""
    z = zipfile.ZipFile(path)
    shared = ["".join(t.text or "" for t in si.iter(f"{_NS}t"))
              for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(f"{_NS}si")]
    out = []
    for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(f"{_NS}row"):
        cells = []
        for c in r.findall(f"{_NS}c"):
            v = c.find(f"{_NS}v")
            text = "" if v is None or v.text is None else v.text
            cells.append(shared[int(text)] if c.get("t") == "s" and text else text)
        out.append(cells)
    return out


def trimmed_from(question: str, message: str) -> bool:
    """Whether ``question`` is ``message`` with words left out, none changed
    or added (punctuation aside)."""
    words = iter(re.findall(r"[\w'&-]+", message))
    return all(any(w == m for m in words) for w in re.findall(r"[\w'&-]+", question))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    chosen = [r[0] for r in rows(Path(argv[0]))[1:]
              if len(r) >= 3 and SUBJECTS.search(f"{r[1]} {r[2]}")]
    assert sorted(chosen) == sorted(LABELS), set(chosen) ^ set(LABELS)
    original = {r[0]: r[1] for r in rows(Path(argv[0]))[1:] if len(r) >= 3}
    for name, (question, _) in LABELS.items():
        assert trimmed_from(question, original[name]), name
    header = ("# Consumer health questions from abachaa/MeQSum (CC BY 4.0), {half} half; written "
              "by the people who sent them, trimmed; see README.md.\n"
              "# question<TAB>entries that answer it ('-': not covered, must be declined)"
              "<TAB>MeQSum file")
    halves: dict[bool, list[str]] = {True: [], False: []}
    for name in sorted(chosen, key=lambda n: hashlib.sha1(n.encode()).digest()):
        question, entries = LABELS[name]
        halves[hashlib.sha1(name.encode()).digest()[0] % 2 == 0].append(
            f"{question}\t{entries}\t{name}")
    for tuning, out in ((True, "meqsum-tuning.tsv"), (False, "meqsum-heldout.tsv")):
        lines = [header.format(half="tuning" if tuning else "held-out"), *halves[tuning]]
        (DATA / out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out}: {len(halves[tuning])} questions, "
              f"{sum(ln.split(chr(9))[1] != '-' for ln in halves[tuning])} in scope")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
