"""Gender cues of person names: common first names and honorifics.

A pronoun ("she said") can only stand for a person whose gender does not
disagree with it. Names that are given to both (Jordan, Alex, Jean, Kim…) are
left out of both lists, so they never block a resolution.
"""

from __future__ import annotations

from typing import Final

__all__ = ["FEMININE", "MASCULINE", "gender_of_first_name", "gender_of_title"]

#: pronoun genders: +1 masculine, -1 feminine, 0 unknown
MASCULINE: Final = 1
FEMININE: Final = -1

# fmt: off
_MASCULINE_TEXT: Final = """
aaron abdul abdullah adam adrian ahmad ahmed alan albert alberto alejandro alexander
alexandre alfred ali allan alvin amir andre andrew andy angelo anthony antoine antonio
armando arnold arthur barry ben benjamin bernard bill billy bob bobby boris brad bradley
brandon brendan brent brett brian bruce bryan byron calvin cameron carl carlos cecil
chad charles charlie chuck clarence claude clayton clifford clint colin conrad craig
curtis dale damian dan daniel danny darren dave david dean dennis derek desmond diego
dmitry dominic don donald doug douglas duncan dustin dwayne dwight earl ed eddie edgar
edward edwin eli elijah emmanuel enrique eric erik ernest ethan eugene evan fernando
francesco francisco frank franklin fred frederick gabriel garry gary gavin geoff
geoffrey george gerald gerry gilbert glen glenn gordon graham grant greg gregory guy
hamid harold harry hassan hector henry herbert howard hugh hugo ian isaac ivan jack
jacob jacques jake james jared jason javier jay jean-claude jean-francois jean-luc
jean-pierre jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon
jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin
khalid kurt kyle lance larry laurent lawrence leo leon leonard liam lloyd louis lucas
luis luke malcolm marc marcel marco marcus mario mark martin marvin matt matthew maurice
max maxime michael michel miguel mike mitch mitchell mohamed mohammad mohammed muhammad
murray nathan nathaniel neil nelson nicholas nick nigel noah norman oliver omar oscar
owen pablo patrick paul pedro peter phil philip philippe pierre rafael ralph randy raul
ray raymond reginald ricardo richard rick ricky rob robert roberto rod rodney roger
roland ron ronald ross roy russell ryan salvatore samuel scott sean sebastian sergei
sergio seth shane shawn sidney simon stan stanley stephen steve steven stuart ted
terrence terry theodore thomas tim timothy todd tom tommy tony travis trevor troy
tyler vincent vladimir wade walter warren wayne wesley william willie xavier yves zach
zachary
"""

_FEMININE_TEXT: Final = """
abigail ada adele adriana agnes aisha alexandra alice alicia alison allison amanda amber
amelia amy ana anastasia andrea angela angelina anita ann anna anne annette annie
antoinette april ashley audrey barbara beatrice becky belinda beth betty beverly
bianca bonnie brenda bridget brittany brooke camille carla carmen carol caroline
carolyn catherine cathy cecilia celine charlotte cheryl chloe christina christine
cindy claire clara claudia colleen connie courtney cynthia daisy danielle daphne
darlene dawn debbie deborah debra denise diana diane dolores donna doris dorothy edith
eileen elaine eleanor elena elizabeth ella ellen eloise elsa emily emma erica erin
esther eva evelyn fatima fiona florence frances francine gabrielle gail genevieve
georgia geraldine gillian gina gloria grace gwen hannah harriet hazel heather heidi
helen helene hilary holly ingrid irene iris isabel isabelle jacqueline jane janet
janice jasmine jeanne jeannette jennifer jenny jessica jill joan joanne jocelyn josee
josephine joy joyce judith judy julia julie june justine karen kate katherine kathleen
kathryn kathy katie katrina kay kayla kelsey kirsten kristen kristin laura
lauren laurie leah leila lena linda lindsay lisa lise liz lois lorraine louise lucy
lydia lynn lynne madeleine maggie mandy manon margaret maria marianne marie marilyn
marion marjorie marlene martha mary maryam melanie melissa meredith mia michele
michelle mildred miranda molly monica monique nadia nancy naomi natalie natasha nathalie
nicole nina nora norma olga olivia paige pamela patricia paula pauline peggy penny
priya rachel rebecca regina renee rita roberta rosa rose rosemary ruth sabrina sally
samantha sandra sara sarah sharon sheila shelley sherry shirley silvia simone sonia
sophia sophie stephanie susan suzanne sylvia tamara tammy tanya tara teresa theresa
tiffany tina tracy valerie vanessa vera veronica victoria virginia vivian wanda wendy
yolanda yvonne zoe
"""
# fmt: on
_MASCULINE_NAMES: Final = frozenset(_MASCULINE_TEXT.split())
_FEMININE_NAMES: Final = frozenset(_FEMININE_TEXT.split())

#: honorifics that say a person's gender ("Mr. Hemming", "Ms. May")
_TITLES: Final = {
    "mr": MASCULINE,
    "sir": MASCULINE,
    "lord": MASCULINE,
    "mrs": FEMININE,
    "ms": FEMININE,
    "miss": FEMININE,
    "madam": FEMININE,
    "dame": FEMININE,
    "lady": FEMININE,
}


def gender_of_first_name(name: str) -> int:
    """+1, -1 or 0 for a full name whose first word is a common first name."""
    words = name.split()
    if len(words) < 2:
        return 0  # a lone word may be a surname ("Grant", "Wayne")
    first = words[0].lower().strip(".,")
    if first in _MASCULINE_NAMES:
        return MASCULINE
    if first in _FEMININE_NAMES:
        return FEMININE
    return 0


def gender_of_title(word: str) -> int:
    """+1, -1 or 0 for an honorific ("Mr.", "Ms")."""
    return _TITLES.get(word.lower().rstrip("."), 0)
