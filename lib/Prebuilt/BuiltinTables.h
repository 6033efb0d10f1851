//===- Prebuilt/BuiltinTables.h - The tables recorded at build time -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The start-up tables of the built-in pack and lexicon, recorded by
/// claimlint-prebuild when the project is built and embedded here
/// (Match/Prebuilt.h). Executables call installBuiltinTables() first thing.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_PREBUILT_BUILTINTABLES_H
#define CLAIMLINT_PREBUILT_BUILTINTABLES_H

#include "llvm/ADT/StringRef.h"

namespace claimlint {

/// The embedded snapshot's bytes.
llvm::StringRef builtinTables();
/// Installs them (prebuilt::install); false if they are not intact, in
/// which case start-up builds everything as without them.
bool installBuiltinTables();

} // namespace claimlint

#endif // CLAIMLINT_PREBUILT_BUILTINTABLES_H
