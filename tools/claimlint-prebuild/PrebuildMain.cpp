//===- claimlint-prebuild/PrebuildMain.cpp - Record start-up tables -------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Run by the build: starts up as `claimlint --no-config` does (built-in
// pack and lexicon), records the tables that start-up builds, and writes
// them to the file named on the command line (Match/Prebuilt.h). The
// executables embed that file (lib/Prebuilt).
//
//===----------------------------------------------------------------------===//

#include "Engine/Workspace.h"
#include "Match/Prebuilt.h"
#include "Support/FileSystem.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: claimlint-prebuild OUTPUT\n";
    return 2;
  }
  // What is recorded is what a default start-up builds.
  ::unsetenv("CLAIMLINT_PHRASE_MATCHER");
  claimlint::prebuilt::startRecording();
  claimlint::WorkspaceOptions O;
  O.NoConfig = true;
  auto W = claimlint::Workspace::create(O);
  if (!W) {
    llvm::errs() << "claimlint-prebuild: " << llvm::toString(W.takeError())
                 << '\n';
    return 2;
  }
  std::string Data = claimlint::prebuilt::dump();
  if (llvm::Error E = claimlint::writeFileAtomically(argv[1], Data)) {
    llvm::errs() << "claimlint-prebuild: " << argv[1] << ": "
                 << llvm::toString(std::move(E)) << '\n';
    return 2;
  }
  return 0;
}
