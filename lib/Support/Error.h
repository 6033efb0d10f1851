//===- Support/Error.h - Errors located in a file ---------------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LocatedError ties a recoverable error to a byte offset in a file we read,
/// so the user sees `file:line:col: error: ...` with a caret under the fault.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_ERROR_H
#define CLAIMLINT_SUPPORT_ERROR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace claimlint {

/// A recoverable error at a byte offset of a file whose text we still have.
class LocatedError : public llvm::ErrorInfo<LocatedError> {
public:
  static char ID;

  /// \p Text is the full text of \p Path (copied, so the error outlives the
  /// buffer); \p Offset is a byte offset into it, clamped to its size.
  LocatedError(std::string Path, std::string Text, size_t Offset,
               std::string Message);

  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

  const std::string &path() const { return Path; }
  const std::string &text() const { return Text; }
  size_t offset() const { return Offset; }
  const std::string &msg() const { return Message; }

private:
  std::string Path;
  std::string Text;
  size_t Offset;
  std::string Message;
};

/// Makes a plain error with a formatted message.
llvm::Error makeError(const llvm::Twine &Message);

/// Prints every error in \p Err to \p OS: located errors as clang-style
/// `file:line:col: error: message`, the source line and a caret; others as
/// `claimlint: error: message`. Consumes \p Err. Returns how many it printed.
unsigned printErrors(llvm::Error Err, llvm::raw_ostream &OS, bool UseColor);

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_ERROR_H
