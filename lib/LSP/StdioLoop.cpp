//===- LSP/StdioLoop.cpp - Serve LSP over a pair of descriptors -----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/StdioLoop.h"

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "LSP/Transport.h"

namespace claimlint {
namespace lsp {

namespace {

/// What the reader thread hands to the serving thread.
struct Inbox {
  std::mutex M;
  std::condition_variable CV;
  std::deque<Incoming> Queue;
  bool Eof = false;
  bool Truncated = false;
};

void readLoop(int Fd, std::shared_ptr<Inbox> Box) {
  MessageReader Reader;
  char Buf[1 << 16];
  for (;;) {
    ssize_t N = ::read(Fd, Buf, sizeof(Buf));
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Reader.feed(llvm::StringRef(Buf, static_cast<size_t>(N)));
    std::vector<Incoming> Got;
    while (llvm::Optional<Incoming> In = Reader.next())
      Got.push_back(std::move(*In));
    if (Got.empty())
      continue;
    std::lock_guard<std::mutex> L(Box->M);
    for (Incoming &I : Got)
      Box->Queue.push_back(std::move(I));
    Box->CV.notify_one();
  }
  std::lock_guard<std::mutex> L(Box->M);
  Box->Eof = true;
  Box->Truncated = Reader.hasPartialMessage();
  Box->CV.notify_one();
}

bool writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(static_cast<size_t>(N));
  }
  return true;
}

bool isChangeOf(const Incoming &In, llvm::StringRef Uri) {
  if (!In.Ok)
    return false;
  llvm::Optional<std::string> M = stringMember(In.Value, "method");
  if (!M || *M != "textDocument/didChange")
    return false;
  const json *U = path(In.Value, {"params", "textDocument", "uri"});
  return U && U->is_string() && U->get_ref<const std::string &>() == Uri;
}

} // namespace

int runStdioServer(int InFd, int OutFd, ServerOptions Opts,
                   llvm::raw_ostream &Log) {
  auto Box = std::make_shared<Inbox>();
  bool OutputBroken = false;
  Server S(
      std::move(Opts),
      [&](const std::string &Body) {
        if (!OutputBroken && !writeAll(OutFd, frameBody(Body)))
          OutputBroken = true;
      },
      Log);
  S.NewerChangeWaiting = [&](llvm::StringRef Uri) {
    std::lock_guard<std::mutex> L(Box->M);
    for (const Incoming &In : Box->Queue)
      if (isChangeOf(In, Uri))
        return true;
    return false;
  };
  // The reader may still be blocked in read() when "exit" arrives; it only
  // touches the shared inbox, so it is left to end with the process.
  std::thread(readLoop, InFd, Box).detach();

  for (;;) {
    llvm::Optional<Incoming> Next;
    bool AtEof = false, Truncated = false;
    {
      std::unique_lock<std::mutex> L(Box->M);
      auto Ready = [&] { return !Box->Queue.empty() || Box->Eof; };
      if (llvm::Optional<Server::Clock::time_point> Due = S.nextDeadline())
        Box->CV.wait_until(L, *Due, Ready);
      else
        Box->CV.wait(L, Ready);
      if (!Box->Queue.empty()) {
        Next = std::move(Box->Queue.front());
        Box->Queue.pop_front();
      } else if (Box->Eof) {
        AtEof = true;
        Truncated = Box->Truncated;
      }
    }
    if (Next) {
      if (Next->Ok)
        S.handleMessage(Next->Value);
      else
        S.handleFramingError(Next->Error);
      if (S.exited())
        return S.exitCode();
      if (OutputBroken) {
        Log << "claimlint-lsp: cannot write to the client; stopping\n";
        return 1;
      }
      continue;
    }
    if (AtEof) {
      if (Truncated) {
        Log << "claimlint-lsp: input ended inside a message\n";
        return 1;
      }
      Log << "claimlint-lsp: end of input\n";
      return 0;
    }
    S.runDue();
    if (OutputBroken) {
      Log << "claimlint-lsp: cannot write to the client; stopping\n";
      return 1;
    }
  }
}

} // namespace lsp
} // namespace claimlint
