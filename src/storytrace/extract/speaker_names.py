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
aaron abdul abdullah adam adrian ahmad ahmed aidan alan albert alberto alejandro
alexander alexandre alfred ali allan alvin amir andre andres andrew andy angelo anthony
antoine antonio archie armando arnold arthur barry ben benjamin benoit bernard bernie
bill billy bob bobby boris brad bradley brandon brendan brent brett brian bruce bryan
bryce byron caleb calvin cameron carl carlos cecil chad charles charlie chuck clarence
claude clayton clifford clint colin connor conrad craig curtis dale damian dan daniel
danny darnell darren darryl dave david dean denis dennis derek derrick desmond diego
dmitry dominic don donald doug douglas duncan dustin dwayne dwight dylan earl ed eddie
edgar edward edwin eli elijah emmanuel enrique eric erik ernest ethan eugene evan
fernando francesco francisco francois frank frankie franklin fred freddie frederick
gabriel garry gary gavin geoff geoffrey george gerald gerry gilbert gilles glen glenn
gordon graham grant greg gregory guillaume guy hamid harjit harold harry hassan hector
henry herbert howard hugh hugo hussein ian ibrahim isaac isaiah ivan jack jacob jacques
jagmeet jake jamal james jared jason javier jay jayden jean-claude jean-francois jean-
luc jean-pierre jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john
johnny jon jonathan jorge jose joseph josh joshua juan julian justin karim karl keith
ken kenneth kenny kevin khalid kurt kyle lance larry laurent lawrence leo leon leonard
leroy liam lloyd louis lucas luis luke malcolm marc marcel marco marcus mario mark
martin marvin mathieu matt matthew maurice max maxime michael michel miguel mike mitch
mitchell mitt mohamed mohammad mohammed muhammad murray mustafa nate nathan nathaniel
navdeep neil nelson newt nicholas nick nigel noah norman oliver olivier omar oscar owen
pablo patrick paul pedro peter phil philip philippe pierre quentin rafael ralph ramon
randy rashid raul ray raymond reginald rene reza ricardo richard rick ricky rob robert
roberto rod rodney roger roland ron ronald ross roy rudy russell ryan salvatore samir
samuel scott sean sebastian sergei sergio seth shane shawn sheldon sidney simon stan
stanley stephane stephen steve steven stevie stuart sylvain sylvester tariq ted terrence
terry theodore thomas tim timmy timothy todd tom tommy tony travis trevor tristan troy
tyler tyrone vincent vladimir wade walter warren wayne wesley wilbur william willie
wyatt xavier yusuf yves zach zachary zack
"""

_FEMININE_TEXT: Final = """
abby abigail ada adele adriana agnes aisha alexandra alice alicia alison allison amanda
amber amelia amira amy ana anastasia andrea angela angelina anita anjali ann anna anne
annette annie antoinette april ashley audrey ava barbara beatrice becky belinda
bernadette beth betsy betty beverly bianca bonnie brenda bridget brigitte britney
brittany brooke caitlin camille carla carly carmen carol caroline carolyn catherine
cathy cecilia celine chantal charlotte cheryl chloe christina christine chrystia cindy
claire clara claudia colleen condoleezza connie courtney cynthia daisy danielle daphne
darlene dawn debbie deborah debra deepa denise diana diane dianne dolores donna doreen
doris dorothy edith edna eileen elaine eleanor elena elizabeth ella ellen eloise elsa
emily emma erica erin esther ethel eva evelyn fatima fiona florence frances francine
gabrielle gail genevieve georgia geraldine gillian gina ginette gladys gloria grace gwen
gwyneth hailey hannah harriet hazel heather heidi helen helene hilary hillary holly huma
ingrid irene iris isabel isabella isabelle ivanka jacqueline jane janet janice jasmine
jeanne jeannette jenna jennifer jenny jessica jill joan joanna joanne jocelyn jodie
johanna jolene joni josee josephine joy joyce judith judy julia julie june justine
kaitlyn kamala karen kate katharine katherine kathleen kathryn kathy katie katrina kay
kayla kellyanne kelsey kirsten krista kristen kristin kristina kristy lacey laura lauren
laurie leah leanne leila lena linda lindsay lisa lise liz lois loretta lorraine louise
lucy lydia lynn lynne mabel madeleine maggie mandy manon margaret maria marianne marie
marilyn marion marise marjorie marlene martha martine mary maryam maureen megan meghan
melania melanie melissa meredith mia michele michelle mildred mindy miranda molly monica
monique nadia nancy naomi natalie natasha nathalie nicole nikki nina nora noreen norma
olga olivia oprah paige pamela patricia patty paula pauline peggy penny priya rachel
rania rebecca regina renee rita roberta rosa rose rosemary ruth sabrina sally samantha
samira sandra sara sarah sharon sheila shelley sherry sheryl shirley silvia simone sonia
sophia sophie stacey stephanie sunita susan suzanne sylvia sylvie tamara tammy tanya
tara teresa theresa tiffany tina tracey tracy trudy tulsi valerie vanessa vera veronica
veronique victoria virginia vivian wanda wendy yasmin yolanda yvette yvonne zainab zoe
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
