//! Everything the app can do, as data. Keys map to actions through the key
//! map; mouse events and typed text become actions in the event router.

use serde::Deserialize;

/// One step of the application's state machine (see [`super::update::update`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    /// Clear the last filter (or close the help overlay).
    Cancel,
    FocusNext,
    FocusPrevious,
    FocusEntities,
    FocusParagraphs,
    FocusTimeline,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Enter: filter by the entity, jump to the timeline entry's paragraph.
    Select,
    NextMention,
    PreviousMention,
    /// Start typing a text filter.
    Search,
    /// Type a fuzzy query that narrows the entity list.
    FindEntity,
    /// Sort the entity list by count, name or first mention.
    SortEntities,
    /// Narrow the entity list to one kind (cycles).
    NarrowEntityKind,
    /// Back to where the last jump started.
    JumpBack,
    /// Redo a jump undone by `JumpBack`.
    JumpForward,
    /// Show the card of the entity: aliases, dispersion, co-occurring
    /// entities, descriptions.
    EntityCard,
    /// Keyword-in-context lines for the entity or the text query.
    Concordance,
    /// Add the entity under the cursor to the filters (all must appear).
    AddEntityFilter,
    /// Cycle a paragraph filter by entity kind (none, person, ...).
    FilterKind,
    /// Filter to the period of the timeline entry under the cursor.
    FilterDate,
    /// Mark one end of a date range on the timeline; the second mark filters.
    MarkDateRange,
    /// List durations and sets on the timeline, or hide them again.
    ToggleDurations,
    /// Drop every filter at once.
    ClearFilters,
    /// List every quote of the entity (a concordance of its speech).
    QuoteConcordance,
    /// Filter to the paragraphs where the entity speaks.
    FilterSpeaker,
    /// Show or hide the list of documents.
    Documents,
    /// In the document list: mark or unmark the document under the cursor.
    MarkDocument,
    /// In the document list: keep only the marked documents (a filter).
    KeepDocuments,
    /// The dated events of the entity under the cursor, across documents.
    EntityTimeline,
    /// Distinctive words of the marked documents, the filter's paragraphs
    /// or the current document against the rest of the story.
    Keyness,
    /// Give the terminal back and stop, like Ctrl-Z in `less`; `fg` returns.
    Suspend,

    // Not bindable: produced by the event router.
    #[serde(skip)]
    SearchInput(char),
    #[serde(skip)]
    SearchBackspace,
    /// Keep the typed filter and leave the input.
    #[serde(skip)]
    SearchConfirm,
    /// Drop the typed filter and leave the input.
    #[serde(skip)]
    SearchAbort,
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at a screen position; positive `lines` scroll down.
    #[serde(skip)]
    ScrollAt {
        column: u16,
        row: u16,
        lines: i16,
    },
    /// Left click at a screen position: focus that pane and select there.
    #[serde(skip)]
    ClickAt {
        column: u16,
        row: u16,
    },

    /// Write the shown paragraphs to a Markdown file (asks for the name).
    ExportView,
    /// Copy the selected paragraph to the clipboard (OSC 52).
    CopyParagraph,
    /// Copy a quote of the selected paragraph, with its speaker (again: the next one).
    CopyQuote,

    /// In the entity list: mark or unmark the entity for a merge.
    MarkEntity,
    /// Merge the marked entities with the selected one (asks for the name).
    MergeEntities,
    /// Give the entity another display name.
    RenameEntity,
    /// Set the entity's kind (person, organization, place, group, other).
    RetypeEntity,
    /// Move one of the entity's aliases out, to a new entity or another one.
    SplitAlias,
    /// Leave the entity out: it is not one ("Heaven").
    HideEntity,
    /// Take back the last correction of the cast.
    UndoCorrection,
    /// Put back the last correction undone.
    RedoCorrection,
}
