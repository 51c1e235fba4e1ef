from __future__ import annotations

from tests.support.dedup_articles import article, report, syndicated

from herald.dedup.fingerprint import NearParams, fingerprint, markers_agree, normalise, similarity

P = NearParams()


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("  Kyïv: 12 DRONES—downed!  ") == "kyiv 12 drones downed"


def test_syndicated_copy_is_similar_and_agrees_on_figures() -> None:
    a = fingerprint(article("https://a/1", report("Brno", 7, "Monday")), P)
    b = fingerprint(article("https://b/1", syndicated(report("Brno", 7, "Monday")), title="New headline"), P)
    assert similarity(a.signature, b.signature) >= P.threshold
    assert markers_agree(a.markers, b.markers)
    assert set(a.bands) & set(b.bands), "copies must share an LSH band to meet"
    assert not set(a.exact) & set(b.exact)


def test_same_template_other_figures_contradict() -> None:
    a = fingerprint(article("https://a/1", report("Brno", 7, "Monday")), P)
    b = fingerprint(article("https://a/2", report("Brno", 9, "Tuesday")), P)
    assert not markers_agree(a.markers, b.markers)


def test_unrelated_texts_are_dissimilar() -> None:
    a = fingerprint(article("https://a/1", report("Brno", 7, "Monday")), P)
    b = fingerprint(
        article(
            "https://a/2",
            "The central bank kept its interest rate unchanged on Thursday but "
            "said easing inflation could allow a cut before the end of the year.",
        ),
        P,
    )
    assert similarity(a.signature, b.signature) < 0.2


def test_exact_keys_same_text_any_url_and_global_guid() -> None:
    a = fingerprint(article("https://a/1", "same words here", guid="https://wire/x"), P)
    b = fingerprint(article("https://b/2", "same words here", source="Other", guid="https://wire/x"), P)
    assert set(a.exact) == set(b.exact)
    # A bare GUID is unique only within its feed.
    c = fingerprint(article("https://c/1", "one text", guid="123"), P)
    d = fingerprint(article("https://d/1", "another text", source="Other", guid="123"), P)
    assert not set(c.exact) & set(d.exact)


def test_empty_text_has_no_bands() -> None:
    fp = fingerprint(article("https://a/1", "", title=""), P)
    assert fp.bands == () and fp.signature == b"" and similarity(fp.signature, fp.signature) == 0.0


def test_markers_containment_allows_added_figures() -> None:
    assert markers_agree([1, 2], [1, 2, 3])
    assert markers_agree([], [5])
    assert not markers_agree([1, 2], [1, 3])


def test_minhash_is_datasketch_affine32_over_the_same_shingle_hashes() -> None:
    from datasketch import MinHash

    from herald.dedup.fingerprint import minhash, shingle_hashes

    tokens = normalise(report("Brno", 7, "Monday")).split()
    reference = MinHash(num_perm=P.num_perm, seed=P.seed, scheme="affine32", hashfunc=int)
    reference.update_batch([int(h) for h in shingle_hashes(tokens, P.shingle)])
    assert (minhash(tokens, P) == reference.hashvalues).all()


def test_ascii_fast_path_finds_the_words_the_unicode_path_finds() -> None:
    from herald.dedup.fingerprint import words

    text = "".join(map(chr, range(128))) + " Foo_bar, BAZ9!\tqux--quux 3.5% (AP)\x1cend"
    assert text.isascii()
    # A trailing accented letter sends the same text down the Unicode path.
    assert words(text + " é") == [*words(text), "e"]
    assert words(text)[-6:] == ["qux", "quux", "3", "5", "ap", "end"]


def test_band_keys_mix_every_value_of_their_band_and_the_band_itself() -> None:
    import numpy as np

    from herald.dedup.fingerprint import band_keys

    values = np.arange(1, 65, dtype=np.uint32) * np.uint32(2654435761)
    keys = band_keys(values, P.bands, P.rows)
    assert len(set(keys)) == P.bands and all(0 <= k < 2**64 for k in keys)
    same = np.tile(values[: P.rows], P.bands)
    assert len(set(band_keys(same, P.bands, P.rows))) == P.bands, "equal values, other band: other key"
    for i in range(P.bands * P.rows):
        changed = values.copy()
        changed[i] ^= np.uint32(1)
        diff = [a != b for a, b in zip(keys, band_keys(changed, P.bands, P.rows), strict=True)]
        assert diff == [band == i // P.rows for band in range(P.bands)]


def test_shingle_hashes_follow_word_order() -> None:
    from herald.dedup.fingerprint import shingle_hashes

    abc, bac = shingle_hashes(["a", "b", "c", "d"], 3), shingle_hashes(["b", "a", "c", "d"], 3)
    assert len(abc) == 2 and abc[0] != bac[0] and abc[1] != bac[1]
    assert len(shingle_hashes(["a", "b"], 3)) == 1 and shingle_hashes([], 3).size == 0
