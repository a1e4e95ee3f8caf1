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
#: scripts/tune_whisper_confidence.py-style replay (2026-12-01, heard=True
#: path) on tuning.tsv, dev.tsv, health-tuning.tsv and foreign-tuning.tsv
#: spoken by espeak-ng (about 900 utterances, 2-6 conditions): uncovered health
#: questions answered outright 3 -> 1 of 79, dev.tsv answered wrong 4 -> 3 of
#: 212, dev out-of-scope answered 1 -> 0; right entries answered or offered
#: unchanged (tuning 201 -> 201 of 260, dev 88 -> 89 of 212) but 10 of 154
#: right answers on tuning.tsv become "Did you mean ...?". At 0.1: 150 right
#: answers kept but dev answered wrong stays 4; at 0.2 (SURE_WORD): 137 kept.
UNHEARD_WORD = 0.15
