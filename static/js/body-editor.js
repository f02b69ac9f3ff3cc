// The editor of item bodies (catalog.widgets.BodyEditorWidget): django-prose-editor's
// ProseMirror editor, started from this file rather than the package's presets, so that the
// page needs no inline script, no import map and no injected <style> (a strict
// Content-Security-Policy). Its output is sanitised again on the server (catalog.richtext).
import * as prose from "../django_prose_editor/editor.js";

const ATTRIBUTE = "data-django-prose-editor-body";
const gettext = window.gettext || ((text) => text);
const interpolate = window.interpolate || ((format, values) => format.replace("%s", values[0]));
const gettext_noop = (text) => text;

// The package's own dialogs call gettext() with these; listed so makemessages finds them.
gettext_noop("URL");
gettext_noop("Title");
gettext_noop("Edit Link");
gettext_noop("Update");
gettext_noop("Cancel");
gettext_noop("Insert");
gettext_noop("Insert Table");
gettext_noop("Table Properties");
gettext_noop("Rows");
gettext_noop("Columns");
gettext_noop("Include header row");
gettext_noop("List properties");
gettext_noop("List type");
gettext_noop("Start at");
gettext_noop("Decimal numbers");
gettext_noop("Lowercase letters");
gettext_noop("Uppercase letters");
gettext_noop("Lowercase Roman numerals");
gettext_noop("Uppercase Roman numerals");
gettext_noop("Edit HTML");
gettext_noop("Prettify");
gettext_noop("Toggle fullscreen");
gettext_noop("The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.");

// The menu's button titles are fixed English strings in the package.
const TITLES = {
  "bold": gettext_noop("bold"),
  "italic": gettext_noop("italic"),
  "underline": gettext_noop("underline"),
  "strike": gettext_noop("strike"),
  "subscript": gettext_noop("subscript"),
  "superscript": gettext_noop("superscript"),
  "paragraph": gettext_noop("paragraph"),
  "Paragraph": gettext_noop("Paragraph"),
  "unordered list": gettext_noop("unordered list"),
  "ordered list": gettext_noop("ordered list"),
  "blockquote": gettext_noop("blockquote"),
  "horizontal rule": gettext_noop("horizontal rule"),
  "insert link": gettext_noop("insert link"),
  "remove link": gettext_noop("remove link"),
  "Insert table": gettext_noop("Insert table"),
  "Add column": gettext_noop("Add column"),
  "Delete column": gettext_noop("Delete column"),
  "Add row": gettext_noop("Add row"),
  "Delete row": gettext_noop("Delete row"),
  "Delete table": gettext_noop("Delete table"),
  "Merge cells": gettext_noop("Merge cells"),
  "Split cell": gettext_noop("Split cell"),
  "undo": gettext_noop("undo"),
  "redo": gettext_noop("redo"),
  "edit HTML": gettext_noop("edit HTML"),
  "Block style": gettext_noop("Block style"),
};

// Choices in the package's dialogs ("Include header row": Yes / No), by their English text.
const CHOICES = { "Yes": gettext_noop("Yes"), "No": gettext_noop("No") };

function translateChoices(root) {
  for (const option of root.querySelectorAll("option")) {
    if (CHOICES[option.textContent]) {
      option.value = option.value; // keep the English value the dialog reads back
      option.textContent = gettext(CHOICES[option.textContent]);
    }
  }
}

function translate(text) {
  const heading = /^heading (\d)$/i.exec(text);
  if (heading) return interpolate(gettext("Heading %s"), [heading[1]]);
  return TITLES[text] ? gettext(TITLES[text]) : text;
}

function translateMenu(wrapper) {
  for (const element of wrapper.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]")) {
    for (const name of ["title", "aria-label"]) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, translate(value));
    }
  }
  // Icon buttons show a ligature name ("undo"): only texts outside the icon font change.
  for (const element of wrapper.querySelectorAll(".prose-menubar :not(.material-icons)")) {
    const text = element.children.length === 0 ? translate(element.textContent) : null;
    if (text && text !== element.textContent) element.textContent = text;
  }
}

function extensionsOf(config) {
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions)) {
    const extension = prose[name];
    if (!extension) {
      console.error(`Body editor: no extension named ${name}`);
    } else {
      extensions.push(typeof options === "object" ? extension.configure(options) : extension);
    }
  }
  return extensions;
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return;
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE));
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new prose.Editor({
    element: wrapper,
    editable: !disabled,
    extensions: extensionsOf(config),
    content: textarea.value,
    injectCSS: false, // static/css/body-editor.css carries ProseMirror's few rules
    onCreate() {
      translateMenu(wrapper); // the menu is built when the editor is created
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An emptied editor still holds one empty paragraph: store nothing.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  );
}

prose.initializeEditors(createEditor, `[${ATTRIBUTE}]`);
// The dialogs are built when opened.
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.querySelectorAll) translateChoices(node);
    }
  }
}).observe(document.body, { childList: true, subtree: true });
