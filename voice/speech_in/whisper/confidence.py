"""Whisper's thresholds for the "sure word" and "doubtful" checks (voice/app.py).

Whisper's word probabilities are on another scale than PocketSphinx's
lattice posteriors, so its own values were measured with
scripts/tune_whisper_confidence.py on tests/data/tuning.tsv (never the
held-out set) spoken by espeak-ng en-us, en and en+f3: 486 utterances,
content prompt, guard on (2026-12-01, this machine):

SURE_WORD SURE_ANSWER: right entry answered / wrong entry answered / right
answered or offered / out of scope declined
  0.0  0.0:  61.8 % / 2.1 % / 74.9 % / 93.8 %
  0.2  0.0:  64.1 % / 1.8 % / 74.1 % / 93.8 %
  0.2  0.5:  58.2 % / 0.8 % / 74.1 % / 93.8 % (100 % not answered outright)
  0.2  0.9:  41.8 % / 0.3 % / 74.1 % / 93.8 %
  0.4  0.5:  57.4 % / 1.5 % / 69.0 % / 96.9 %

0.2 keeps the most right entries (answered or offered) among the cut-offs
that leave out-of-scope questions declined as often; 0.5 halves the wrong
answers read in full (1.8 % -> 0.8 %) and turns the rest into "Did you
mean ...?" rather than losing them. The same figures for the chosen pair
with the final guard (word cut 0.1, gibberish cut), re-run 2026-12-01.
PocketSphinx's 0.9 would offer instead of answer a third of the right
entries here.

Measured again through the app's path for speech (query_of, is_doubtful,
Matcher.match heard=True) by the script's later version on every tuning half
(2,066 utterances, 2026-12-01): the pair is kept. SURE_WORD 0.3 loses 16 of
780 right entries on tuning.tsv and answers 11 wrong instead of 6; 0.1
(with UNHEARD_WORD 0.1) finds 3 more but offers 4 more out-of-scope
tuning.tsv clips. SURE_ANSWER 0.4 answers 16 more right and 2 more wrong
(tuning.tsv), 3 more wrong on dev.tsv; 0.6 answers 25 fewer right, 1 fewer wrong.
"""

#: Words Whisper is less sure of than this are left out of the matched question.
SURE_WORD = 0.2
#: A spoken question is answered outright only when a content word reaches this.
SURE_ANSWER = 0.5
#: A question with a word (not a function word) Whisper is less sure of than
#: this is offered, never answered outright: the word is left out (SURE_WORD)
#: and may have named what was asked about. "what causes migraines" heard as
#: "what causes my ignorance(0.09)" was answered with the causes of spasms;
#: "what are the symptoms of asthma(0.06)" with their early signs.
#: scripts/tune_whisper_confidence.py (2026-12-01; app's path for speech;
#: tuning.tsv and dev.tsv in 6 conditions, health-tuning in 2, 120
#: foreign-tuning requests; 2,066 utterances), off -> 0.15: answered outright
#: with a wrong entry, tuning.tsv 10 -> 6 of 780, dev.tsv 9 -> 7 of 636;
#: out-of-scope answered outright, dev.tsv 5 -> 3 of 180, uncovered health
#: 4 -> 1 of 158; right entry answered or offered 547 -> 549 and 248 -> 249,
#: but right answers read outright 409 -> 373 (tuning) become "Did you mean
#: ...?" (figures with DOUBTFUL_SLACK 0.5).
#: 0.1: 9 and 8 wrong; 0.2: 6 and 6 wrong with 355 right answers outright.
UNHEARD_WORD = 0.15

#: A word Whisper heard at least this surely is taken as said even when no
#: dictionary has it ("appendicitis" at 0.75): it names a subject (which the
#: scope check weighs) instead of being a mishearing left out (Matcher.match,
#: ``sure``; voice.app.surely_heard). Below it, a word no dictionary knows is
#: still a mishearing ("nerecure" at 0.32), and so is one spelled like a
#: content word ("remodulation" at 0.90) or made of two common words run
#: together ("handwork" at 0.91 for "head work") at any probability.
#: scripts/tune_whisper_confidence.py --transcripts <the 2,066 tuning-half
#: transcripts of 2026-12-01> (app's path for speech), off (1.01) -> 0.9 /
#: 0.8 / 0.7 / 0.6 / 0.5 / 0.4 / 0.3: uncovered health questions declined
#: 138 -> 138 / 138 / 139 / 139 / 139 / 139 / 143 of 158; in-scope right
#: entry tuning.tsv 549 -> 549 down to 0.5, 544 at 0.4, 537 at 0.3 of 780;
#: dev.tsv 249 -> 249 down to 0.6, 247 at 0.5 ("nms" at 0.50, "moronic" at
#: 0.51), 245 at 0.3 of 636; other out-of-scope sets the same down to 0.4.
#: 0.6 is the lowest that loses no right entry. The old held-out health
#: questions (now tuning, 118 clips in two voices) declined 101 from off
#: down to 0.4. Few subjects we do not cover are heard surely at all:
#: Whisper, prompted with the content, mostly cannot spell them.
SURE_UNKNOWN_WORD = 0.6

#: An alternative hypothesis (whisper/alternatives.py) is offered, when what
#: was heard matches no entry, only if its best entry scores at least this
#: (the matcher's 0-100 scale). Tuning clips (tests/data/tuning.tsv, every
#: other clip of the 6 conditions, and all its out-of-scope ones; hypotheses
#: at or above -1.2): 80: 27 of 390 in-scope clips get the right entry
#: offered, 3 a wrong one, 3 of 127 out-of-scope clips are offered one;
#: 90: 23, 1 and 2; 95: 20, 1 and 1. Again on every tuning clip of
#: scripts/tune_spoken_oos.py (1,464 in scope, 654 out; session 31,
#: scripts/tune_heard37_alt_floor.py), a floor of its own for this step at
#: 88 down to 80 finds one right entry more ("would a rub down help my legs"
#: heard "... lockdown ...", its first alternative at 88.5), and from 86 down
#: offers "what helps sunburn peel less" (an alternative at 86.5): kept at 90.
OFFER_SCORE = 90.0
