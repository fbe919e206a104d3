"""The notebook baseline plandiff's start-up is measured against (scripts/bench-startup.ts): what a
researcher would write in a fresh Python kernel to pair the tasks of two plans -- jieba's cut and
scikit-learn's TF-IDF cosine, each task of the first plan paired with its most similar task of the second.

Usage: python3 notebook-baseline.py tasks.json   (tasks.json: [[task text of plan A, ...], [... of plan B]])
Prints the pairs as JSON: [index in A, index in B, cosine].
"""
import json
import sys

import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

jieba.setLogLevel(60)
with open(sys.argv[1], encoding="utf-8") as f:
    a, b = json.load(f)
tfidf = TfidfVectorizer(tokenizer=lambda tokens: tokens, lowercase=False, token_pattern=None)
matrix = tfidf.fit_transform([jieba.lcut(text) for text in a + b])
sim = cosine_similarity(matrix[: len(a)], matrix[len(a) :])
print(json.dumps([[i, int(sim[i].argmax()), float(sim[i].max())] for i in range(len(a))]))
