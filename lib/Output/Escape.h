//===- Output/Escape.h - Quoting for the CI report formats ------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Paths, XML, GitHub workflow commands, Markdown table cells and URIs each
/// quote text their own way; the CI emitters share these helpers so every
/// format is escaped in one tested place.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_OUTPUT_ESCAPE_H
#define CLAIMLINT_OUTPUT_ESCAPE_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace claimlint {

/// The path as CI services want it: relative paths lose leading "./".
std::string reportPath(llvm::StringRef Path);

/// \p Text as valid UTF-8: each byte of an invalid sequence becomes U+FFFD.
std::string validUtf8(llvm::StringRef Text);

/// XML 1.0 character data / attribute value: & < > " ' escaped, characters
/// XML 1.0 forbids (controls other than TAB, LF, CR) dropped, invalid UTF-8
/// replaced. In attributes TAB, LF and CR become character references so that
/// attribute-value normalisation keeps them.
std::string xmlEscape(llvm::StringRef Text, bool Attribute);

/// GitHub workflow command data (the message): % CR LF escaped.
std::string workflowData(llvm::StringRef Text);

/// GitHub workflow command property value: as data, plus ':' and ','.
std::string workflowProperty(llvm::StringRef Text);

/// A Markdown table cell: one line, with | \ ` < > & made literal.
std::string markdownCell(llvm::StringRef Text);

/// A URI reference for \p Path: relative paths stay relative (with '/'),
/// absolute paths become file:// URIs; everything but unreserved characters
/// and '/' is percent-encoded.
std::string pathToUri(llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_OUTPUT_ESCAPE_H
