//===- LSP/StdioLoop.h - Serve LSP over a pair of descriptors ----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Runs a Server on two file descriptors (stdin and stdout in the tool). A
/// reader thread frames incoming bytes into messages; the calling thread
/// handles them in order and, when none is waiting, runs the debounced
/// lints. Only framed messages are written to \p OutFd.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_STDIOLOOP_H
#define CLAIMLINT_LSP_STDIOLOOP_H

#include "LSP/Server.h"

namespace claimlint {
namespace lsp {

/// Serves until "exit" (exit code 0 after "shutdown", else 1) or the end of
/// input (0; 1 if the input ended inside a message).
int runStdioServer(int InFd, int OutFd, ServerOptions Opts,
                   llvm::raw_ostream &Log);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_STDIOLOOP_H
