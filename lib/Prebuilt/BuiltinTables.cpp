//===- Prebuilt/BuiltinTables.cpp - The tables recorded at build time -----===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The file claimlint-prebuild wrote is put into read-only data as it is
// (the assembler's .incbin), so it costs nothing until a page of it is read.
//
//===----------------------------------------------------------------------===//

#include "Prebuilt/BuiltinTables.h"

#include "Match/Prebuilt.h"

#ifndef CLAIMLINT_PREBUILT_BIN
#error "CLAIMLINT_PREBUILT_BIN must name the file claimlint-prebuild wrote"
#endif

__asm__(".pushsection .rodata.claimlint_prebuilt,\"a\"\n"
        ".balign 16\n"
        "claimlint_prebuilt_begin:\n"
        ".incbin \"" CLAIMLINT_PREBUILT_BIN "\"\n"
        "claimlint_prebuilt_end:\n"
        ".popsection\n");

extern "C" const char claimlint_prebuilt_begin[];
extern "C" const char claimlint_prebuilt_end[];

namespace claimlint {

llvm::StringRef builtinTables() {
  return llvm::StringRef(
      claimlint_prebuilt_begin,
      static_cast<size_t>(claimlint_prebuilt_end - claimlint_prebuilt_begin));
}

bool installBuiltinTables() { return prebuilt::install(builtinTables()); }

} // namespace claimlint
