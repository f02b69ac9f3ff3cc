from django.core.management.commands import makemessages

# Sorted, without source locations: a catalogue that several branches extend merges cleanly
# (an entry's place no longer moves when an unrelated line above it changes).
_STABLE = ["--sort-output", "--no-location"]


class Command(makemessages.Command):
    # A fuzzy guess ("page views" → the Thai for "pages") reads as a finished translation to
    # a hurried reviewer and is silently ignored at run time: leave new strings empty instead.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching", *_STABLE]
    msguniq_options = [*makemessages.Command.msguniq_options, *_STABLE]
    msgattrib_options = [*makemessages.Command.msgattrib_options, *_STABLE]
    xgettext_options = [*makemessages.Command.xgettext_options, *_STABLE]
