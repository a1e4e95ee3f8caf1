"""Wake phrase and barge-in spotting: is a key phrase in this audio stream?"""
