//===- Markup/Reader.h - Turn a file into prose ------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Readers for each supported file type. A reader never fails: malformed
/// markup and invalid UTF-8 are read as well as they can be, and every
/// position stays a byte offset into the original text.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MARKUP_READER_H
#define CLAIMLINT_MARKUP_READER_H

#include "Markup/Prose.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace claimlint {

enum class FileType { Text, Markdown, Html };

llvm::StringRef fileTypeName(FileType T);

/// "text", "markdown" (or "md"), "html".
llvm::Optional<FileType> parseFileType(llvm::StringRef Name);

/// Plain text: paragraphs at blank lines; list items ("- ", "* ", "1. ") and
/// short unpunctuated lines followed by a capitalised line (headings) are
/// blocks of their own. A UTF-8 BOM is skipped.
Prose readPlainText(llvm::StringRef Text);

/// Markdown (CommonMark with GitHub tables, strikethrough, task lists and
/// bare autolinks) on md4c. Headings, paragraphs, list items, table cells,
/// block quotes, link text and image alt text are prose; code, raw HTML tags,
/// URLs and autolinks are not. Of YAML/TOML front matter only `title` and
/// `description` are read. HTML comments are collected for directives.
Prose readMarkdown(llvm::StringRef Text);

/// HTML, read with a linear tag scanner (see HtmlReader.cpp): text outside
/// tags is prose; block elements start and end blocks; script, style, code,
/// pre, svg and similar elements are skipped; <title>, <img alt> and
/// <meta name="description"> become blocks of their own. With \p CutRawText
/// (the default), gumbo parses the page without the contents of its scripts
/// (but JSON-LD) and styles, which are never read: where a pre-scan and the
/// parsed tree agree that this changes nothing else (HtmlReader.cpp,
/// GumboReader::cutsHold()); otherwise the page as it is. The result is the
/// same either way; false is for tests that check so.
Prose readHtml(llvm::StringRef Text, bool CutRawText = true);
/// Bytes of script and style contents gumbo did not have to parse, on this
/// thread so far (tests and benchmarks).
uint64_t htmlBytesCut();

Prose readDocument(llvm::StringRef Text, FileType Type);

/// Appends every <!-- ... --> comment in [Begin, End) of \p Text to \p B.
/// A comment left open runs to \p End, as in HTML; "<!-->" and "<!--->" are
/// empty comments.
void collectHtmlComments(llvm::StringRef Text, uint32_t Begin, uint32_t End,
                         ProseBuilder &B);

/// Decodes the character reference at the start of \p S ("&amp;", "&eacute;",
/// "&#233;", "&#xE9;") into \p Out as UTF-8. Returns the number of bytes the
/// reference spans, or 0 (and leaves \p Out empty) when \p S does not start
/// with a reference this table knows. Only a common subset of HTML's named
/// references is known. With \p Html, HTML's lenient forms are accepted too:
/// a missing ';' after a numeric reference or a legacy name ("&amp", "&copy"),
/// and &#128;..&#159; read as Windows-1252. Invalid code points give U+FFFD.
unsigned decodeCharacterReference(llvm::StringRef S, std::string &Out,
                                  bool Html);

/// Reads raw HTML that occupies the original ranges \p Pieces (sorted,
/// disjoint) of \p Text into \p B, the way readHtml() does. Bytes between
/// pieces (Markdown container markers, line breaks) read as white space. Text
/// outside any block element continues the block \p B has open, or begins a
/// block of kind \p Kind. Used for raw HTML inside Markdown.
void readHtmlFragment(llvm::StringRef Text, llvm::ArrayRef<Range> Pieces,
                      BlockKind Kind, ProseBuilder &B, bool CutRawText = true);

} // namespace claimlint

#endif // CLAIMLINT_MARKUP_READER_H
