//===- Support/Normalize.h - Text compared without case or spacing -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The key fingerprints and baselines compare text by: ASCII lower case, each
/// run of ASCII white space one space, none at either end.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_NORMALIZE_H
#define CLAIMLINT_SUPPORT_NORMALIZE_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace claimlint {

inline std::string lowerCollapsingSpace(llvm::StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  bool Space = false;
  for (char C : S) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
        C == '\v') {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out.push_back(' ');
    Space = false;
    Out.push_back(llvm::toLower(C));
  }
  return Out;
}

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_NORMALIZE_H
