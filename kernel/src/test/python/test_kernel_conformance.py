"""Jupyter protocol conformance of the user-entity-bench Java kernel.

Run by JupyterConformanceIT with the kernel installed in a temporary prefix and JUPYTER_PATH
pointing at it. Run by hand:
    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_kernel_conformance.py
"""
import os
import re
import time
import unittest

import jupyter_kernel_test


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("KERNEL_NAME", "java")

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        # a prefix whose matches are the same on every JDK the tests run on (17 to 25); "Math.fl"
        # gains floorDivExact( from JDK 18 on
        {"text": "Math.floorM", "matches": {"floorMod("}},
    ]

    complete_code_samples = ["int complete = 1;", "System.out.println(1)", "%jars x.jar"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int pending = "]
    invalid_code_samples = ["int x = )"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".length();', "result": "3"},
        {"code": 'render("**md**", "text/markdown")', "mime": "text/markdown", "result": "**md**"},
    ]

    code_display_data = [
        {"code": 'String htmlId = display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "String imageId = display(new java.awt.image.BufferedImage(2, 2, 1));", "mime": "image/png"},
    ]

    code_inspect_sample = "Math.abs"

    code_generate_error = 'throw new IllegalStateException("boom");'

    def test_runtime_error_is_shaped_like_ijava(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('Integer.parseInt("zz")')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "EvalException")
        self.assertEqual(reply["content"]["evalue"], 'For input string: "zz"')
        error = [m for m in output_msgs if m["msg_type"] == "error"][0]["content"]
        self.assertTrue(plain(error["traceback"][:1]).startswith("java.lang.NumberFormatException"))

    def test_compile_error_is_a_compilation_exception_naming_the_line(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('int ok = 1;\nint bad = "s";')
        self.assertEqual(reply["content"]["ename"], "CompilationException")
        traceback = plain([m for m in output_msgs if m["msg_type"] == "error"][0]["content"]["traceback"])
        self.assertIn('Line 2: int bad = "s";', traceback)
        self.assertIn("incompatible types", traceback)

    def test_error_output_is_coloured_like_ijava_with_the_failing_part_marked(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('int ok = 1;\nint bad = "s";')
        error = [m for m in output_msgs if m["msg_type"] == "error"][0]["content"]
        # the shape of nbformat's error output: ename, evalue and a list of traceback lines
        self.assertEqual((error["ename"], error["evalue"]), ("CompilationException", ""))
        self.assertTrue(all(isinstance(line, str) and "\n" not in line for line in error["traceback"]))
        marked = [line for line in error["traceback"] if "\x1b[41m" in line]  # IJava's red background
        self.assertEqual(len(marked), 1, error["traceback"])
        self.assertIn('\x1b[41m"s"\x1b[0m', marked[0])
        self.assertTrue(any(line.startswith("\x1b[1m\x1b[31mincompatible types") for line in error["traceback"]))

    def test_update_display_data_reuses_the_display_id(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('String upd = display("one");\nupdateDisplay(upd, "two");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in output_msgs if m["msg_type"] == "display_data"][0]["content"]
        updated = [m for m in output_msgs if m["msg_type"] == "update_display_data"][0]["content"]
        self.assertEqual(updated["transient"]["display_id"], shown["transient"]["display_id"])
        self.assertEqual(updated["data"]["text/plain"], "two")

    def run_and_interrupt(self, code):
        """Runs code, interrupts it once it runs, returns (execute_reply, error output content or None)."""
        self.flush_channels()
        msg_id = self.kc.execute(code)
        time.sleep(1)  # let it start; an interrupt before the snippet runs would test nothing
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=30)
        error = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                error = msg["content"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply, error

    def value_of(self, expression):
        self.flush_channels()
        reply, output_msgs = self.execute_helper(expression)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        return [m for m in output_msgs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]

    def test_interrupt_stops_a_cell_that_checks_for_interrupts(self):
        reply, error = self.run_and_interrupt("Thread.sleep(600_000);")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(error["ename"], "EvaluationInterruptedException")
        self.assertNotIn("restart the kernel", plain(error["traceback"]))
        self.assertEqual(self.value_of("dev.userbench.kernel.runtime.Runaways.alive()"), "[]")

    def test_interrupt_of_a_cell_ignoring_interrupts_stops_it_or_says_it_still_runs(self):
        feature = int(self.value_of("Runtime.version().feature()"))
        self.execute_helper("int survivor = 7;")
        try:
            reply, error = self.run_and_interrupt(
                '{ long spins = 0; while (System.getProperty("conformance.release") == null) { spins++; } }')
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(error["ename"], "EvaluationInterruptedException")
            runaways = self.value_of("dev.userbench.kernel.runtime.Runaways.alive()")
            if feature >= 20:  # Thread.stop throws: the cell must say its thread still runs
                self.assertIn("restart the kernel to end it", plain(error["traceback"]))
                self.assertIn("userbench-runaway-cell-", runaways)
            else:
                self.assertNotIn("restart the kernel", plain(error["traceback"]))
                self.assertEqual(runaways, "[]")
            self.assertEqual(self.value_of("survivor"), "7")  # the next cell answers
        finally:
            self.execute_helper('System.setProperty("conformance.release", "yes");')


def plain(traceback):
    """The traceback's lines joined, without ANSI colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(traceback))

if __name__ == "__main__":
    unittest.main()
