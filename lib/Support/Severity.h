//===- Support/Severity.h - Finding severities -------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_SEVERITY_H
#define CLAIMLINT_SUPPORT_SEVERITY_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

namespace claimlint {

/// Ordered: Info < Warning < Error.
enum class Severity { Info = 0, Warning = 1, Error = 2 };

inline llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "info";
}

inline llvm::Optional<Severity> parseSeverity(llvm::StringRef S) {
  if (S == "info" || S == "suggestion" || S == "note")
    return Severity::Info;
  if (S == "warning")
    return Severity::Warning;
  if (S == "error")
    return Severity::Error;
  return llvm::None;
}

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_SEVERITY_H
