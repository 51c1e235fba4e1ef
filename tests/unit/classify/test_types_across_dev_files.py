

def test_insurgents_attacking_the_district_they_seized_is_the_capture() -> None:
    found = _types(
        "Insurgents seize district centre in northern province",
        "Insurgents seized the district centre of the northern province on Sunday, forcing police to "
        "withdraw to the provincial capital. \"They attacked the district from three sides and we held "
        "out for hours with no reinforcements,\" the district governor said.",
    )
    assert found == {"territory_change"}


def test_the_assault_launched_to_retake_villages_is_the_capture() -> None:
    found = _types(
        "Army retakes town and six villages from rebels",
        "Government troops took back the town and six nearby villages from rebels on Friday, a war "
        "monitor said. The army used infighting among rebel factions to launch a heavy ground and air "
        "assault, it said.",
    )
    assert "armed_clash" not in found and "territory_change" in found
