#!/bin/sh
echo replay
