//===- Markup/MarkdownReader.cpp - Markdown reader on md4c ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
// STUB: replaced by the md4c reader.
#include "Markup/Reader.h"

namespace claimlint {
Prose readMarkdown(llvm::StringRef Text) { return readPlainText(Text); }
} // namespace claimlint
