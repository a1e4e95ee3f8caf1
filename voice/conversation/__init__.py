"""The conversation core: text in, replies out (no audio)."""

from voice.conversation.conversation import Conversation
from voice.conversation.reply import Reply

__all__ = ["Conversation", "Reply"]
