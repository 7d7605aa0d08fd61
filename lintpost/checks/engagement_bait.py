"""engagement-bait: calls to follow, like, share or comment, hashtags and platform prompts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from lintpost import packs, recache
from lintpost.diagnostic import Finding
from lintpost.document import Document
from lintpost.rule import Context, Rule

# A run of hashtags, separated by spaces or commas: "#ORIN #Crypto #ETF".
_HASHTAGS = recache.compile(
    # \p{M}: in a decomposed "dé#", the mark before "#" still ends a word.
    r"(?<![\p{L}\p{M}\p{N}_&#/\\])#\p{L}[\p{L}\p{M}\p{N}_]*(?:[ \t,]+#\p{L}[\p{L}\p{M}\p{N}_]*)*", regex.V1
)


class EngagementBait(Rule):
    name = "engagement-bait"
    description = "Calls to follow, like, share or comment, hashtags and platform prompts left in the body"
    options: ClassVar[dict[str, Any]] = {"hashtags": True}
    explain = """\
Flags what a social network asks of its audience and an article does not: calls to follow,
subscribe, like, share, comment or tag a friend, "link in bio", and runs of hashtags. The
phrases live in `rules/<lang>/engagement.toml`.

Why: in a post republished as an article or a newsletter these prompts are noise that point to
another medium, and in finance they turn a piece of analysis into a promotion (the FCA's FG24/1
guidance on social media reminds that sharing or liking can communicate a financial promotion).

Not flagged: hashtags inside code or URLs, "#1" and other numbers, and ordinary use of the verbs
("the index followed the Nasdaq", « les actionnaires ont partagé les gains »).

Example:

    Suivez-moi pour d'autres analyses et partagez votre avis en commentaire ! #Bourse #PEA

Instead: end on the analysis (or a sourced conclusion); put the author's links in the byline.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        data = ctx.pack("engagement")
        pattern = packs.words(data.get("phrases", []))
        t = doc.masked
        hashtags = bool(ctx.option("hashtags", True))
        for block in doc.prose_blocks():
            for m in pattern.finditer(t, block.start, block.end):
                yield Finding(m.start(), m.end(), f"call to engage left in the post: « {m.group()} »",
                              help="remove it: platform prompts do not belong in the body of a post")
            if not hashtags:
                continue
            for m in _HASHTAGS.finditer(t, block.start, block.end):
                count = m.group().count("#")
                what = "hashtag" if count == 1 else f"{count} hashtags"
                yield Finding(m.start(), m.end(), f"{what} left in the body of the post",
                              help="remove the hashtags, or name the topic in words")


RULES = [EngagementBait]
