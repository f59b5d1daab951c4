"""E-mail newsletters: one message (.eml) or a mailbox of them (.mbox, one source each).

Subject is the title, the sender (its display name, else its address) the outlet, the
Date header the publication date. The body is the HTML part through trafilatura, as a web
page, else the plain-text part. Newsletter furniture goes: "view in browser" lines at the
top, and the footer from its first "unsubscribe" / "se désinscrire" / "you are receiving
this" line to the end.
"""

from __future__ import annotations

import re

from ..errors import SourceError
from . import Part, iso_date

# a line of the top of a newsletter that is about the e-mail, not the news
_TOP_FURNITURE = re.compile(
    r"(view (?:it |this (?:e-?mail )?)?(?:in|on) (?:your|a|the) (?:browser|web)|view online|web version|"
    r"voir (?:la version|cet e-?mail|ce message) (?:en ligne|dans (?:votre|le) navigateur)|version (?:en ligne|web)|"
    r"si ce message ne s'affiche pas|having trouble (?:viewing|reading)|"
    r"im browser (?:ansehen|anzeigen)|ver en (?:el )?navegador)",
    re.IGNORECASE)
# the first line of a newsletter's footer
_FOOTER = re.compile(
    r"(unsubscribe|opt[- ]out|manage (?:your )?(?:subscription|preferences)|update (?:your )?preferences|"
    r"you (?:are )?receiv(?:e|ed|ing) this|this (?:e-?mail|message) was sent to|"
    r"se désinscrire|désinscri(?:re|vez|ption)|désabonner|désabonnement|gérer (?:vos|mes) (?:préférences|abonnements)|"
    r"vous recevez ce(?:t e-?mail| message| courriel)|cet e-?mail (?:vous )?a été envoyé|"
    r"abmelden|newsletter abbestellen|darse de baja|cancelar (?:la )?suscripción)",
    re.IGNORECASE)
TOP_LINES = 4  # "view in browser" lines are looked for among the first lines only
FOOTER_FROM = 0.4  # and a footer starts in the last 60 % of the message


def read(data: bytes, shown: str, suffix: str) -> list[Part]:
    if suffix == ".mbox":
        messages = split_mbox(data)
        if not messages:
            raise SourceError(shown, "not a mailbox (no message starts with a 'From ' line)")
        parts = []
        for number, raw in enumerate(messages, 1):
            try:
                parts.append(_message(raw, shown, number))
            except SourceError as exc:  # one bad message: skipped, the others are sources
                if len(messages) == 1:
                    raise
                parts.append(Part(text="", number=number, raw=raw, problem=exc.reason))
        return parts
    return [_message(data, shown, 1)]


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file: each starts with a "From " line after a blank line
    (or at the top); ">From " in a body is unquoted (mboxrd)."""
    messages: list[list[bytes]] = []
    previous_blank = True
    for line in data.splitlines(keepends=True):
        if line.startswith(b"From ") and previous_blank:
            messages.append([])
        elif messages:
            messages[-1].append(re.sub(rb"^>(>*From )", rb"\1", line))
        previous_blank = not line.strip()
    return [b"".join(lines) for lines in messages if b"".join(lines).strip()]


def _message(raw: bytes, shown: str, number: int) -> Part:
    import email
    import email.policy
    from email.utils import parseaddr

    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        subject = _header(message, "subject")
        sender = _header(message, "from")
        date = message["date"].datetime if message["date"] is not None else None
    except Exception:  # a header the policy cannot parse: keep what the message has
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
        subject, sender, date = _header(message, "subject"), _header(message, "from"), None
    if not (subject or sender or message.get("date") or message.get("message-id")):
        raise SourceError(shown, "not an e-mail message (no Subject, From or Date header)")
    name, address = parseaddr(sender or "")
    text = _body(message, shown)
    return Part(text=text, number=number, title=subject or None, outlet=(name or address or "").strip() or None,
                published=iso_date(date), raw=raw)


def _header(message, name: str) -> str:
    value = message.get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _body(message, shown: str) -> str:
    """The newsletter's text without its furniture: the HTML part, else the plain one."""
    html, plain = None, None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/html" and html is None:
            html = _content(part)
        elif kind == "text/plain" and plain is None:
            plain = _content(part)
    text = None
    if html and html.strip():
        text = _html_text(html)
    if not text and plain:
        text = plain
    if not text or not text.strip():
        raise SourceError(shown, "no text in the e-mail")
    return "\n\n".join(without_furniture([line.strip() for line in re.split(r"\n\s*\n", text) if line.strip()]))


def _content(part) -> str | None:
    try:
        content = part.get_content()
    except Exception:  # an unknown charset or a broken transfer encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    return content if isinstance(content, str) else None


def _html_text(html: str) -> str | None:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            favor_precision=True)
    text = extracted.text if extracted is not None else None
    # trafilatura puts one block on a line; a blank line makes each a paragraph for ingest
    return "\n\n".join(line for line in (text or "").split("\n") if line.strip()) or None


def without_furniture(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the "view in browser" lines at the top and the footer."""
    kept = [p for n, p in enumerate(paragraphs) if not (n < TOP_LINES and _TOP_FURNITURE.search(p)
                                                        and len(p.split()) <= 25)]
    start = int(len(kept) * FOOTER_FROM)
    for n in range(start, len(kept)):
        if _FOOTER.search(kept[n]):
            return kept[:n]
    return kept
