//===- fuzz/ReplayMain.cpp - Run a fuzz target without libFuzzer ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Linked with a fuzz target's LLVMFuzzerTestOneInput when libFuzzer is not
// used (GCC, the ASan build): runs every file named on the command line, and
// every file in every folder named, once. The regular test suite uses it to
// replay the seed corpora and past findings, so the invariants are checked
// by every build, not only by the fuzz build.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

int main(int Argc, char **Argv) {
  std::vector<std::string> Files;
  for (int I = 1; I < Argc; ++I) {
    std::string Arg = Argv[I];
    if (!Arg.empty() && Arg[0] == '-')
      continue; // libFuzzer flags are accepted and ignored
    if (!llvm::sys::fs::is_directory(Arg)) {
      Files.push_back(Arg);
      continue;
    }
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Arg, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::sys::fs::is_regular_file(It->path()))
        Files.push_back(It->path());
    if (EC) {
      std::fprintf(stderr, "%s: %s\n", Arg.c_str(), EC.message().c_str());
      return 2;
    }
  }
  std::sort(Files.begin(), Files.end());
  if (Files.empty()) {
    std::fprintf(stderr, "usage: %s <input file or folder>...\n", Argv[0]);
    return 2;
  }
  for (const std::string &F : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!Buf) {
      std::fprintf(stderr, "%s: %s\n", F.c_str(),
                   Buf.getError().message().c_str());
      return 2;
    }
    std::fprintf(stderr, "replay %s\n", F.c_str());
    // A copy of exactly the file's size, so ASan sees reads past the end.
    std::vector<uint8_t> Data((*Buf)->getBufferStart(), (*Buf)->getBufferEnd());
    uint8_t *P = Data.empty() ? nullptr : Data.data();
    LLVMFuzzerTestOneInput(P, Data.size());
  }
  std::fprintf(stderr, "replayed %zu inputs\n", Files.size());
  return 0;
}
