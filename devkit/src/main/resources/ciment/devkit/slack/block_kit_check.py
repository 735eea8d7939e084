"""Block Kit payloads through slack_sdk's own validators (slack-sdk, pinned in scripts/requirements-test.txt).

Block Kit has no published JSON schema: slack_sdk's models are Slack's own encoding of its documented limits
(text lengths, block_id and action_id 255, section text 3,000 and 10 fields, header 150, button text 75 and
value 2,000, overflow 2 to 5 options, option text 75, context 10 elements, a view's title 24 and 100 blocks...).
Run by ciment.devkit.slack.BlockKitCheck: one JSON request a line on stdin, one JSON answer a line on stdout.

    request: {"kind": "message" | "view", "payload": {...}}    answer: {"errors": ["...", ...]}

A message (chat.postMessage, chat.update, chat.postEphemeral, a response_url) is {"text", "blocks"}; a view
(views.publish, views.open, views.update) is the view itself. Each block is parsed by slack_sdk and serialized
again: to_dict() runs every @JsonValidator of the block and of everything in it. slack_sdk's parser skips what
it does not know without a word (an unknown key, block or element), so whatever it drops or changes on the way
is reported too. The few documented limits slack_sdk states without a validator are checked here, each naming
where slack_sdk or Slack's reference states it.
"""
import json
import logging
import sys

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

# Slack's reference, Blocks: "You can include up to 50 blocks in each message, and 100 blocks in modals or Home
# tabs." slack_sdk has no Message validator for it (its View checks the 100).
MESSAGE_MAX_BLOCKS = 50
# slack_sdk.models.messages.message.Message.to_dict: "Messages over 40,000 characters are automatically truncated
# by Slack" (logged, not raised).
MESSAGE_MAX_TEXT = 40_000
# Slack's reference, Section block, fields: "Maximum length for the text in each item is 2000 characters."
# SectionBlock checks the number of fields (10), not their length.
SECTION_FIELD_MAX = 2_000


class Logged(logging.Handler):
    """slack_sdk's warnings while parsing ("Unknown element detected and skipped") are errors here."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


LOGGED = Logged()
logging.getLogger("slack_sdk").addHandler(LOGGED)
logging.getLogger("slack_sdk").propagate = False


def differences(path, sent, kept, found):
    """Where slack_sdk's serialization differs from what was sent: what it dropped, added or changed."""
    if isinstance(sent, dict) and isinstance(kept, dict):
        for key in sorted(sent.keys() | kept.keys()):
            if key not in kept:
                found.append(f"{path}.{key}: dropped by slack_sdk (a key it does not know, or an empty value)")
            elif key not in sent:
                found.append(f"{path}.{key}: added by slack_sdk")
            else:
                differences(f"{path}.{key}", sent[key], kept[key], found)
    elif isinstance(sent, list) and isinstance(kept, list) and len(sent) == len(kept):
        for index, (one, other) in enumerate(zip(sent, kept)):
            differences(f"{path}[{index}]", one, other, found)
    elif sent != kept:
        found.append(f"{path}: {str(sent)[:80]!r} became {str(kept)[:80]!r} in slack_sdk")


def section_fields(path, block, found):
    for index, field in enumerate(block.get("fields") or []):
        if len(field.get("text", "")) > SECTION_FIELD_MAX:
            found.append(f"{path}.fields[{index}]: text longer than {SECTION_FIELD_MAX} characters")


def check_blocks(path, blocks, found):
    for index, sent in enumerate(blocks):
        where = f"{path}[{index}]"
        block = Block.parse(sent)
        if block is None:
            found.append(f"{where}: a block slack_sdk does not know: {str(sent)[:80]}")
            continue
        try:
            differences(where, sent, block.to_dict(), found)
        except SlackObjectFormationError as refused:
            found.append(f"{where}: slack_sdk: {refused}")
        if sent.get("type") == "section":
            section_fields(where, sent, found)


def check(kind, payload):
    found = []
    LOGGED.records.clear()
    try:
        if kind == "message":
            text = payload.get("text") or ""
            blocks = payload.get("blocks") or []
            if len(text) > MESSAGE_MAX_TEXT:
                found.append(f"text: {len(text)} characters, over the {MESSAGE_MAX_TEXT} Slack keeps")
            if len(blocks) > MESSAGE_MAX_BLOCKS:
                found.append(f"blocks: {len(blocks)}, over the {MESSAGE_MAX_BLOCKS} of a message")
            check_blocks("blocks", blocks, found)
        elif kind == "view":
            differences("view", payload, View(**payload).to_dict(), found)
            for index, block in enumerate(payload.get("blocks") or []):
                if block.get("type") == "section":
                    section_fields(f"view.blocks[{index}]", block, found)
        else:
            found.append(f"unknown kind {kind!r}")
    except SlackObjectFormationError as refused:
        found.append(f"slack_sdk: {refused}")
    except (TypeError, KeyError, AttributeError, ValueError) as unreadable:
        found.append(f"slack_sdk cannot read it: {type(unreadable).__name__}: {unreadable}")
    found.extend(f"slack_sdk logged: {message}" for message in LOGGED.records)
    return found


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        print(json.dumps({"errors": check(request.get("kind"), request.get("payload") or {})}), flush=True)


if __name__ == "__main__":
    main()
