#!/bin/sh
echo roll back
